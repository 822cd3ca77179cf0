import EventStore
import Foundation
import Testing

@Suite struct ArchiveCommandsTests {
    /// A store with events over two quarters, and a key pair made by `keys generate`.
    static func setUp() throws -> (TemporaryDirectory, String) {
        let dir = try TemporaryDirectory()
        let store = try EventStore(path: dir.path("hub.sqlite"), create: true)
        for (quarter, months) in [(1, ["01", "02", "03"]), (2, ["04", "05", "06"])] {
            let events = (0..<30).map { index in
                NewEvent(type: "meeting-held", businessTime: "2026-\(months[index % 3])-1\(index % 9)",
                         payload: .object(["q": .integer(Int64(quarter)), "topic": .string("主题党日 \(index)")]),
                         metadata: EventMetadata(actor: "书记"))
            }
            try store.append(events, to: "branch-\(quarter)", expecting: .any)
        }
        let keys = try Dangjian.run(["keys", "generate", "--out", dir.path("")])
        #expect(keys.status == 0, "\(keys.stderr)")
        return (dir, dir.path("hub.sqlite"))
    }

    @Test func keysGenerateWritesAnOwnerOnlyPrivateKeyAndRefusesToOverwrite() throws {
        let (dir, _) = try Self.setUp()
        let mode = try FileManager.default.attributesOfItem(atPath: dir.path("archive-signing-key.pem"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try String(contentsOfFile: dir.path("archive-signing-key.pub.pem"), encoding: .utf8).hasPrefix("-----BEGIN PUBLIC KEY-----"))
        let again = try Dangjian.run(["keys", "generate", "--out", dir.path("")])
        #expect(again.status == 1 && again.stderr.contains("exists already"))
    }

    @Test func quarterlyExportsVerifyAsAChainImportAndList() throws {
        let (dir, store) = try Self.setUp()
        let key = dir.path("archive-signing-key.pem")
        let publicKey = dir.path("archive-signing-key.pub.pem")
        let q1 = try Dangjian.run(["archive", "export", "--store", store, "--period", "2026-Q1", "--out", dir.path(""), "--key", key])
        #expect(q1.status == 0, "\(q1.stderr)")
        let q1Path = q1.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(q1Path.hasSuffix("hub-2026-Q1-00000001-00000030.tar.gz"))
        let q2 = try Dangjian.run(["archive", "export", "--store", store, "--period", "2026-Q2", "--out", dir.path(""), "--key", key])
        let q2Path = q2.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(q2.status == 0 && q2Path.hasSuffix("00000031-00000060.tar.gz"), "\(q2.stderr)")

        let verified = try Dangjian.run(["archive", "verify", q2Path, "--previous", q1Path, "--public-key", publicKey])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stdout.contains("consistency proven"))
        let skipping = try Dangjian.run(["archive", "verify", q1Path, "--trusted-root", String(repeating: "0", count: 64)])
        #expect(skipping.status == 3 && skipping.stderr.contains("not the trusted root"))

        let list = try Dangjian.run(["archive", "list", "--store", store])
        #expect(list.status == 0 && list.stdout.contains("2026-Q1") && list.stdout.contains("31–60"))
        let nothingNew = try Dangjian.run(["archive", "export", "--store", store, "--since-last", "--out", dir.path("")])
        #expect(nothingNew.status == 0, "the Q2 export event itself is new")

        let copy = dir.path("copy.sqlite")
        #expect(try Dangjian.run(["archive", "import", "--store", copy, q1Path, "--public-key", publicKey]).status == 0)
        let second = try Dangjian.run(["archive", "import", "--store", copy, q2Path, "--previous", q1Path, "--public-key", publicKey])
        #expect(second.status == 0, "\(second.stderr)")
        let original = try Dangjian.run(["events", "--store", store, "--format", "ndjson", "--limit", "60"])
        let imported = try Dangjian.run(["events", "--store", copy, "--format", "ndjson"])
        #expect(imported.stdout == original.stdout && !imported.stdout.isEmpty)
    }

    @Test func aTamperedArchiveFailsWithExitCodeThreeAndNoStoreIsMade() throws {
        let (dir, store) = try Self.setUp()
        let export = try Dangjian.run(["archive", "export", "--store", store, "--from", "1", "--to", "60", "--out", dir.path("")])
        let path = export.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes = bytes.prefix(bytes.count - 20)
        try bytes.write(to: URL(fileURLWithPath: path))
        let verified = try Dangjian.run(["archive", "verify", path])
        #expect(verified.status == 3 && verified.stderr.contains("truncated"), "\(verified.stderr)")
        let copy = dir.path("copy.sqlite")
        let imported = try Dangjian.run(["archive", "import", "--store", copy, path])
        #expect(imported.status == 3)
        // Nothing is written for an archive that fails, not even the store it would have made.
        #expect(!FileManager.default.fileExists(atPath: copy))
        let empty = dir.path("empty.sqlite")
        #expect(try Dangjian.run(["init", "--store", empty]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: empty))
        #expect(try Dangjian.run(["archive", "import", "--store", empty, path]).status == 3)
        #expect(try Data(contentsOf: URL(fileURLWithPath: empty)) == before)
    }

    /// Each stage of a long command shows on one progress line, cleared before the output and
    /// before an error, so that neither starts part way along a line.
    @Test(.enabled(if: Dangjian.canRunOnATerminal))
    func onATerminalProgressIsShownAndClearedBeforeAnythingElse() throws {
        let (dir, store) = try Self.setUp()
        let export = try Dangjian.runOnATerminal(["archive", "export", "--store", store, "--from", "1", "--to", "60", "--out", dir.path("")])
        #expect(export.status == 0 && export.written.contains("exporting events 60/60 (100%)"), "\(export.written)")
        #expect(export.written.contains("(100%)\u{1B}[K\rfinishing the archive: report snapshots, manifest…"), "\(export.written)")
        let path = try #require(export.screen.first)
        #expect(export.screen == [path] && path.hasSuffix(".tar.gz"), "\(export.screen)")

        let imported = try Dangjian.runOnATerminal(["archive", "import", "--store", dir.path("copy.sqlite"), path])
        #expect(imported.status == 0, "\(imported.written)")
        for stage in ["verifying archive 100%", "importing events 60/60 (100%)", "rebuilding query tables "] {
            #expect(imported.written.contains(stage), "no \(stage) in \(imported.written)")
        }
        let labels = ["verifying archive", "importing events", "rebuilding query tables", "exporting events"]
        #expect(!imported.screen.contains { line in labels.contains { line.contains($0) } }, "\(imported.screen)")
        #expect(imported.screen.contains("imported 60 events (positions 1–60) into \(dir.path("copy.sqlite"))"), "\(imported.screen)")

        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count / 2] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: path))
        let failed = try Dangjian.runOnATerminal(["archive", "import", "--store", dir.path("other.sqlite"), path])
        #expect(failed.status == 3)
        #expect(failed.screen.contains { $0.hasPrefix("dangjian: archive \(path) failed verification") }, "\(failed.screen)")
    }

    @Test func withoutAPublicKeyTheOriginIsFlaggedAndAnUnsignedArchiveFailsAKeyCheck() throws {
        let (dir, store) = try Self.setUp()
        let signed = try Dangjian.run([
            "archive", "export", "--store", store, "--from", "1", "--to", "30", "--out", dir.path(""),
            "--key", dir.path("archive-signing-key.pem"),
        ]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let unsigned = try Dangjian.run(["archive", "export", "--store", store, "--from", "31", "--to", "60", "--out", dir.path("")])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        for archive in [signed, unsigned] {
            let unchecked = try Dangjian.run(["archive", "verify", archive])
            #expect(unchecked.status == 0, "\(unchecked.stderr)")
            #expect(unchecked.stderr.contains("WARNING: ORIGIN NOT VERIFIED"), "\(unchecked.stderr)")
            #expect(unchecked.stdout.split(separator: "\n").last?.hasPrefix("WARNING: ORIGIN NOT VERIFIED") == true)
            let chinese = try Dangjian.run(["archive", "verify", archive, "--lang", "zh"])
            #expect(chinese.stderr.contains("警告：未核验来源"))
        }
        let publicKey = dir.path("archive-signing-key.pub.pem")
        let checked = try Dangjian.run(["archive", "verify", signed, "--public-key", publicKey])
        #expect(checked.status == 0 && checked.stderr.isEmpty && !checked.stdout.contains("WARNING"))
        let refused = try Dangjian.run(["archive", "verify", unsigned, "--public-key", publicKey])
        #expect(refused.status == 3 && refused.stderr.contains("not signed"), "\(refused.stderr)")
        let notImported = try Dangjian.run(["archive", "import", "--store", dir.path("copy.sqlite"), unsigned, "--public-key", publicKey])
        #expect(notImported.status == 3)
    }

    @Test func badRangesAreRefused() throws {
        let (dir, store) = try Self.setUp()
        #expect(try Dangjian.run(["archive", "export", "--store", store, "--out", dir.path("")]).status == 2)
        #expect(try Dangjian.run(["archive", "export", "--store", store, "--period", "2026-Q1", "--since-last", "--out", dir.path("")]).status == 2)
        let outside = try Dangjian.run(["archive", "export", "--store", store, "--from", "5", "--to", "500", "--out", dir.path("")])
        #expect(outside.status == 1 && outside.stderr.contains("not valid"))
        let badPeriod = try Dangjian.run(["archive", "export", "--store", store, "--period", "2026-Q7", "--out", dir.path("")])
        #expect(badPeriod.status == 1 && badPeriod.stderr.contains("2026-Q1"))
    }
}
