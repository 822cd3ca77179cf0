@testable import Archive
import Foundation
import Testing

/// Every refusal names where it lies (docs/archive-format.md, "Where a failure lies"): tar-level
/// ones by their tar offset and the gzip member unpacked there, the manifest's checks by the
/// member they are about.
@Suite struct RefusalPlacesTests {
    /// A small unsigned archive's tar, its events.ndjson's length, and the second member's header offset.
    static func smallTar() throws -> (Fixture, tar: [UInt8], eventsSize: Int, secondHeader: Int) {
        let fixture = try Fixture()
        try fixture.appendEvents(count: 30, quarter: 1)
        let archive = try fixture.export(.sinceLast, signed: false)
        let eventsSize = Int(archive.manifest.members[0].size)
        #expect(eventsSize % 512 != 0, "events.ndjson is followed by padding")
        return (fixture, try GzipLayout.tar(of: archive.path), eventsSize, 512 + (eventsSize + 511) / 512 * 512)
    }

    /// The English failure of `tar` packed as dangjian packs it: in one member (it is under a
    /// mebibyte), at file offset 0.
    static func failure(_ tar: [UInt8], _ name: String, _ fixture: Fixture) throws -> String {
        #expect(tar.count <= GzipMember.maximumInput)
        let path = try GzipLayout.write(GzipMember.compress(tar, level: 6), "\(name).tar.gz", in: fixture)
        do {
            _ = try ArchiveVerifier.verify(path)
            return "verified"
        } catch let error as ArchiveError {
            return error.message.en
        }
    }

    /// `tar` with the header at `offset` renamed, its checksum made right again.
    static func renaming(_ tar: [UInt8], headerAt offset: Int, to name: String) throws -> [UInt8] {
        var header = try #require(try tar[offset..<offset + 512].withUnsafeBytes { try TarHeader.decode($0) })
        header.name = name
        var renamed = tar
        renamed.replaceSubrange(offset..<offset + 512, with: header.encoded())
        return renamed
    }

    static func place(_ tarOffset: Int) -> String {
        "tar offset \(tarOffset) (unpacked from the gzip member at file offset 0): "
    }

    @Test func headerProblemsNameTheHeadersTarOffset() throws {
        let (fixture, tar, _, second) = try Self.smallTar()
        var badSum = tar
        badSum[second] ^= 0x01
        #expect(try Self.failure(badSum, "checksum", fixture).contains(Self.place(second) + "a tar header's checksum does not match"))
        let outside = try Self.renaming(tar, headerAt: second, to: "../x")
        #expect(try Self.failure(outside, "outside", fixture).contains(Self.place(second) + "member name ../x points outside the archive's folder"))
        let twice = try Self.renaming(tar, headerAt: second, to: ArchiveManifest.eventsFileName)
        #expect(try Self.failure(twice, "twice", fixture).contains(Self.place(second) + "member events.ndjson appears twice"))
    }

    @Test func paddingTrailingDataAndAMissingEndMarkerNameTheirTarOffsets() throws {
        let (fixture, tar, eventsSize, _) = try Self.smallTar()
        var padding = tar
        padding[512 + eventsSize + 3] = 1
        #expect(try Self.failure(padding, "padding", fixture).contains(Self.place(512 + eventsSize + 3) + "the padding between tar members is not zero bytes"))
        var trailing = tar + [UInt8](repeating: 0, count: 512)
        trailing[tar.count + 7] = 1
        #expect(try Self.failure(trailing, "trailing", fixture).contains(Self.place(tar.count + 7) + "there is data after the tar end-of-archive marker"))
        let unended = Array(tar.dropLast(2 * 512))
        #expect(try Self.failure(unended, "unended", fixture).contains("the tar data ends at tar offset \(unended.count), before its end-of-archive marker"))
    }

    @Test func manifestChecksNameTheMemberTheyAreAbout() throws {
        let (fixture, tar, _, _) = try Self.smallTar()
        let manifestHeader = try #require(Self.headerOffsets(tar).first { $0.name == ArchiveManifest.fileName })
        // The manifest's data is JSON with "first_hash" : "…"; one digit of it changed.
        let text = String(decoding: tar[manifestHeader.offset + 512..<tar.count], as: UTF8.self)
        let digit = try #require(text.range(of: "\"first_hash\" : \"")).upperBound
        var altered = tar
        let index = manifestHeader.offset + 512 + text.utf8.distance(from: text.startIndex, to: digit)
        altered[index] = altered[index] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        // The size and SHA-256 of events.ndjson still match, so the manifest's field is what is wrong.
        let failure = try Self.failure(altered, "first-hash", fixture)
        #expect(failure.contains("member manifest.json (tar offset \(manifestHeader.offset)): manifest.json's first_hash does not match events.ndjson"), "\(failure)")
    }

    @Test func olderFormatVersionsAreReadAndNewerOnesRefused() throws {
        let (fixture, tar, _, _) = try Self.smallTar()
        let manifestHeader = try #require(Self.headerOffsets(tar).first { $0.name == ArchiveManifest.fileName })
        let start = manifestHeader.offset + 512
        let text = String(decoding: tar[start..<tar.count], as: UTF8.self)
        let field = try #require(text.range(of: "\"format_version\" : 2"))
        let digit = start + text.utf8.distance(from: text.startIndex, to: field.upperBound) - 1
        for (version, expected) in [(1, "verified"), (3, "format version 3 is not supported (this dangjian reads 1–2)")] {
            var edited = tar
            edited[digit] = UInt8(ascii: "0") + UInt8(version)
            let failure = try Self.failure(edited, "version-\(version)", fixture)
            #expect(failure.contains(expected), "\(version): \(failure)")
        }
    }

    /// Each member's name and header offset, walking the headers.
    static func headerOffsets(_ tar: [UInt8]) throws -> [(name: String, offset: Int)] {
        var members: [(String, Int)] = []
        var offset = 0
        while let header = try tar[offset..<offset + 512].withUnsafeBytes({ try TarHeader.decode($0) }) {
            members.append((header.name, offset))
            offset += 512 + (Int(header.size) + 511) / 512 * 512
        }
        return members
    }
}
