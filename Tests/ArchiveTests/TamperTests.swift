import Archive
import EventStore
import Foundation
import Testing

/// Alterations an auditor must be able to detect, made with stock tools as an attacker would.
@Suite struct TamperTests {
    static let members = ["events.ndjson", "reports/sample.csv", "manifest.json", "manifest.json.sig"]

    /// Unpacks the archive, lets `edit` change the files, packs them again with tar and gzip.
    static func tampered(_ fixture: Fixture, _ archive: String, name: String, members: [String] = members,
                         _ edit: (URL) throws -> Void) throws -> String {
        let folder = fixture.folder.appendingPathComponent("unpacked-\(name)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(try Fixture.run("tar", ["-xzf", archive, "-C", folder.path]).status == 0)
        try edit(folder)
        let output = fixture.path("\(name).tar.gz")
        let pack = "tar --format=ustar -cf - \(members.joined(separator: " ")) | gzip -6 > '\(output)'"
        #expect(try Fixture.run("sh", ["-c", pack], in: folder).status == 0)
        return output
    }

    /// The events.ndjson offset where line `number` (from 1) starts in the unpacked copy `name`.
    static func offset(ofLine number: Int, in fixture: Fixture, _ name: String) throws -> Int {
        let url = fixture.folder.appendingPathComponent("unpacked-\(name)/events.ndjson")
        let lines = try Data(contentsOf: url).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        return lines.prefix(number - 1).reduce(0) { $0 + $1.count + 1 }
    }

    static func editLines(_ folder: URL, _ change: (inout [Substring]) -> Void) throws {
        let url = folder.appendingPathComponent("events.ndjson")
        var lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        change(&lines)
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
    }

    /// The English message of the verification failure, or nil when it verified.
    static func failure(_ path: String, _ fixture: Fixture) -> String? {
        do {
            _ = try ArchiveVerifier.verify(path, publicKey: fixture.key.publicKey)
            return nil
        } catch let error as ArchiveError {
            guard case .verificationFailed = error else { return "not a verification failure: \(error.message.en)" }
            return error.message.en
        } catch {
            return "unexpected \(error)"
        }
    }

    static func exported() throws -> (Fixture, String) {
        let fixture = try Fixture()
        try fixture.appendEvents(count: 30, quarter: 1)
        return (fixture, try fixture.export(.sinceLast).path)
    }

    @Test func repackingUnchangedStillVerifies() throws {
        let (fixture, archive) = try Self.exported()
        let copy = try Self.tampered(fixture, archive, name: "unchanged") { _ in }
        #expect(Self.failure(copy, fixture) == nil)
    }

    @Test func removingAnEventIsCaught() throws {
        let (fixture, archive) = try Self.exported()
        let path = try Self.tampered(fixture, archive, name: "removed") { try Self.editLines($0) { $0.remove(at: 10) } }
        let offset = try Self.offset(ofLine: 11, in: fixture, "removed")
        #expect(offset > 0)
        #expect(Self.failure(path, fixture)?.contains("line 11 (position 12, events.ndjson offset \(offset)): expected position 11") == true)
    }

    @Test func reorderingEventsIsCaught() throws {
        let (fixture, archive) = try Self.exported()
        let path = try Self.tampered(fixture, archive, name: "reordered") { try Self.editLines($0) { $0.swapAt(3, 4) } }
        #expect(Self.failure(path, fixture)?.contains("expected position 4") == true)
    }

    @Test func alteringAnEventIsCaught() throws {
        let (fixture, archive) = try Self.exported()
        let path = try Self.tampered(fixture, archive, name: "altered") {
            try Self.editLines($0) { $0[7] = Substring($0[7].replacingOccurrences(of: "\"index\":7", with: "\"index\":8")) }
        }
        let offset = try Self.offset(ofLine: 8, in: fixture, "altered")
        #expect(Self.failure(path, fixture)?.contains("line 8 (position 8, events.ndjson offset \(offset)): the hash does not match the event's content") == true)
    }

    @Test func alteringAManifestFieldIsCaught() throws {
        let (fixture, archive) = try Self.exported()
        let path = try Self.tampered(fixture, archive, name: "manifest") { folder in
            let url = folder.appendingPathComponent("manifest.json")
            let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\"hub_id\" : \"guandu\"", with: "\"hub_id\" : \"other\"")
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(Self.failure(path, fixture)?.contains("the signature does not match manifest.json") == true)
    }

    @Test func alteringTheSignatureIsCaught() throws {
        let (fixture, archive) = try Self.exported()
        let path = try Self.tampered(fixture, archive, name: "signature") { folder in
            let url = folder.appendingPathComponent("manifest.json.sig")
            var bytes = try Data(contentsOf: url)
            bytes[5] ^= 0x01
            try bytes.write(to: url)
        }
        #expect(Self.failure(path, fixture)?.contains("the signature does not match manifest.json") == true)
    }

    @Test func removingTheSignatureIsCaughtWhenAKeyIsGiven() throws {
        let (fixture, archive) = try Self.exported()
        let path = try Self.tampered(fixture, archive, name: "unsigned", members: Array(Self.members.dropLast())) { _ in }
        #expect(Self.failure(path, fixture)?.contains("not signed") == true)
    }

    @Test func alteringAReportIsCaught() throws {
        let (fixture, archive) = try Self.exported()
        let path = try Self.tampered(fixture, archive, name: "report") { folder in
            try "changed\r\n".write(to: folder.appendingPathComponent("reports/sample.csv"), atomically: true, encoding: .utf8)
        }
        // The tar holds events.ndjson's header and data, then this member's header.
        let eventsSize = try #require(FileManager.default.attributesOfItem(atPath: fixture.path("unpacked-report/events.ndjson"))[.size] as? Int)
        let headerOffset = 512 + (eventsSize + 511) / 512 * 512
        #expect(Self.failure(path, fixture)?.contains("member reports/sample.csv (tar offset \(headerOffset)): it does not match the size and SHA-256") == true)
    }

    /// Lines are checked in batches on several cores: a change deep in a large archive is
    /// still reported at its own line, and a good one still verifies and imports whole.
    @Test func tamperingDeepInALargeArchiveIsCaughtAtTheRightLine() throws {
        let fixture = try Fixture()
        try fixture.appendMany(6_000)
        let archive = try fixture.export(.sinceLast)
        #expect(archive.manifest.members[0].size > 2 * 1_048_576, "several batches of lines")
        #expect(Self.failure(archive.path, fixture) == nil)
        let copy = try EventStore(path: fixture.path("copy.sqlite"), create: true)
        try ArchiveImporter.importArchive(archive.path, into: copy, publicKey: fixture.key.publicKey)
        #expect(try copy.head() == LogHead(position: 6_000, hash: archive.manifest.lastHash))

        let altered = try Self.tampered(fixture, archive.path, name: "deep-altered") {
            try Self.editLines($0) { $0[4_999] = Substring($0[4_999].replacingOccurrences(of: "\"index\":4999", with: "\"index\":5999")) }
        }
        let alteredOffset = try Self.offset(ofLine: 5_000, in: fixture, "deep-altered")
        #expect(Self.failure(altered, fixture)?.contains("line 5000 (position 5000, events.ndjson offset \(alteredOffset)): the hash does not match the event's content") == true)
        let removed = try Self.tampered(fixture, archive.path, name: "deep-removed") {
            try Self.editLines($0) { $0.remove(at: 2_999) }
        }
        let removedOffset = try Self.offset(ofLine: 3_000, in: fixture, "deep-removed")
        #expect(Self.failure(removed, fixture)?.contains("line 3000 (position 3001, events.ndjson offset \(removedOffset)): expected position 3000") == true)
    }

    /// Cut as dangjian wrote it (members that state their lengths) and as stock gzip packs it
    /// (one member): either way the refusal names where the cut member starts and the file's end.
    @Test func truncatingTheFileIsCaught() throws {
        let (fixture, archive) = try Self.exported()
        let repacked = try Self.tampered(fixture, archive, name: "repacked") { _ in }
        for original in [archive, repacked] {
            let data = try Data(contentsOf: URL(fileURLWithPath: original))
            let members = original == archive ? try GzipLayout.memberOffsets(data) : [0]
            for cut in [data.count - 1, data.count / 2, 100] {
                let path = fixture.path("truncated-\(cut).tar.gz")
                try data.prefix(cut).write(to: URL(fileURLWithPath: path))
                let member = members.last { $0 < cut }!
                let failure = Self.failure(path, fixture) ?? "verified"
                #expect(failure.contains("the gzip member at file offset \(member): the gzip data ends in the middle of it, at file offset \(cut): the file is truncated"),
                        "cut at \(cut) of \(original): \(failure)")
            }
        }
    }
}
