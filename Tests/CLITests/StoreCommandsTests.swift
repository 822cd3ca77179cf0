import EventStore
import Foundation
import GRDB
import Testing

@Suite struct StoreCommandsTests {
    @Test func initCreatesAnOwnerOnlyStoreAndVerifyPasses() throws {
        let dir = try TemporaryDirectory()
        let store = dir.path("hub.sqlite")
        let created = try Dangjian.run(["init", "--store", store])
        #expect(created.status == 0)
        #expect(created.stdout.contains("created store"))
        let mode = try FileManager.default.attributesOfItem(atPath: store)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let again = try Dangjian.run(["init", "--store", store])
        #expect(again.status == 0)
        #expect(again.stdout.contains("already exists"))
        let verified = try Dangjian.run(["verify"], environment: ["DANGJIAN_STORE": store])
        #expect(verified.status == 0)
        #expect(verified.stdout.contains("chain verified: 0 events"))
    }

    @Test func verifyOnATamperedStoreExitsThreeNamingThePosition() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("hub.sqlite")
        let store = try EventStore(path: path, create: true)
        for index in 1...6 {
            try store.append([sampleEvent("第\(index)次会议")], to: "meeting-\(index)", expecting: .noStream)
        }
        #expect(try Dangjian.run(["verify", "--store", path]).status == 0)
        let db = try DatabaseQueue(path: path)
        try db.write { db in
            try db.execute(sql: "DROP TRIGGER events_refuse_update")
            // One byte of one payload: 第4次 becomes 第5次.
            try db.execute(sql: "UPDATE events SET payload = replace(payload, '第4次', '第5次') WHERE position = 4")
        }
        let result = try Dangjian.run(["verify", "--store", path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("verification failed at position 4"))
        #expect(result.stdout.isEmpty)
        let chinese = try Dangjian.run(["verify", "--store", path, "--lang", "zh"])
        #expect(chinese.stderr.contains("校验失败，位置 4"))
    }

    @Test func eventsPrintsTheLogAsTableJSONAndNDJSON() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("hub.sqlite")
        let store = try EventStore(path: path, create: true)
        try store.append([sampleEvent("一"), sampleEvent("二")], to: "支部-甲", expecting: .noStream)
        try store.append([sampleEvent("三")], to: "b", expecting: .noStream)

        let ndjson = try Dangjian.run(["events", "--store", path, "--format", "ndjson"])
        #expect(ndjson.status == 0)
        #expect(ndjson.stdout == (try store.readAll()).map { $0.canonicalLine + "\n" }.joined())

        let json = try Dangjian.run(["events", "--store", path, "--format", "json", "--stream", "支部-甲", "--from", "2"])
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(parsed?.count == 1)
        #expect(parsed?.first?["stream_version"] as? Int == 2)
        #expect((parsed?.first?["payload"] as? [String: Any])?["topic"] as? String == "二")

        let table = try Dangjian.run(["events", "--store", path, "--limit", "3", "--lang", "zh"])
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("位置"))
        // The type column starts at the same terminal column on every line, though the
        // stream column holds Chinese text on some lines and not on others.
        let typeColumn = displayColumn(of: "类型", in: lines[0])
        #expect(typeColumn != nil)
        for line in lines[2...] {
            #expect(displayColumn(of: "sample-logged", in: line) == typeColumn, "\(line)")
        }
    }

    @Test func usageErrorsExitTwoAndUserErrorsExitOne() throws {
        let dir = try TemporaryDirectory()
        let unknown = try Dangjian.run(["events", "--bogus"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Unknown option '--bogus'"))
        let badValue = try Dangjian.run(["events", "--limit", "0", "--store", dir.path("x.sqlite")])
        #expect(badValue.status == 2)
        let missing = try Dangjian.run(["verify", "--store", dir.path("missing.sqlite")])
        #expect(missing.status == 1)
        #expect(missing.stderr == "dangjian: no store at \(dir.path("missing.sqlite")): run `dangjian init` first, or point --store at an existing store\n")
        #expect(!FileManager.default.fileExists(atPath: dir.path("missing.sqlite")))
        let chinese = try Dangjian.run(["verify", "--store", dir.path("missing.sqlite")], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(chinese.stderr.contains("找不到数据库"))
    }

    @Test func versionAndHelpExitZero() throws {
        let version = try Dangjian.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.split(separator: ".").count == 3)
        for command in [[], ["init"], ["events"], ["verify"]] {
            let help = try Dangjian.run(command + ["--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("USAGE: dangjian"))
        }
    }
}

func sampleEvent(_ topic: String) -> NewEvent {
    NewEvent(type: "sample-logged", businessTime: "2026-03-01", payload: .object(["topic": .string(topic)]), metadata: EventMetadata(actor: "tester"))
}

/// The terminal column where `needle` starts in `line`, counting CJK characters as two columns.
func displayColumn(of needle: String, in line: String) -> Int? {
    guard let range = line.range(of: needle) else { return nil }
    return line[..<range.lowerBound].unicodeScalars.reduce(0) {
        $0 + ((0x2E80...0x9FFF).contains($1.value) || (0xFF00...0xFF60).contains($1.value) ? 2 : 1)
    }
}
