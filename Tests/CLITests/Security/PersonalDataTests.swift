import Foundation
import GRDB
import Testing

/// ID-card numbers and phones are stored sealed and can be erased for good: the plain text is
/// never in the store file, the NDJSON or an archive, before or after erasure; after erasure
/// the key's bytes are gone too and the chain still verifies.
@Suite struct PersonalDataTests {
    /// Every file an archive export of the whole log writes, decompressed.
    static func exportedArchive(_ fixture: SecurityFixture, into name: String) throws -> Data {
        let folder = fixture.directory.path(name)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let head = try #require(try fixture.ok(["events", "--format", "ndjson"]).split(separator: "\n").count as Int?)
        let export = try fixture.run(["archive", "export", "--from", "1", "--to", String(head), "--out", folder])
        #expect(export.status == 0, "\(export.stderr)")
        let archive = export.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments = ["tar", "-xzf", archive, "-C", folder]
        try tar.run()
        tar.waitUntilExit()
        #expect(tar.terminationStatus == 0)
        var bytes = Data()
        for file in try FileManager.default.subpathsOfDirectory(atPath: folder) {
            bytes.append(FileManager.default.contents(atPath: folder + "/" + file) ?? Data())
        }
        return bytes
    }

    /// Nothing the store, the NDJSON or an archive holds contains `texts`.
    static func expectNowhere(_ texts: [String], in fixture: SecurityFixture, archive: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let ndjson = try fixture.ok(["events", "--format", "ndjson"])
        let archived = try exportedArchive(fixture, into: archive)
        for text in texts {
            #expect(!fixture.storeFilesContain(text), "\(text) in the store", sourceLocation: sourceLocation)
            #expect(!ndjson.contains(text), "\(text) in the NDJSON", sourceLocation: sourceLocation)
            #expect(archived.range(of: Data(text.utf8)) == nil, "\(text) in the archive", sourceLocation: sourceLocation)
        }
    }

    @Test func personalDataIsNeverStoredInPlainTextAndErasureShredsItsKey() throws {
        let fixture = try SecurityFixture()
        #expect(try fixture.ok(["member", "show", "m01", "--show-personal"]).contains(SecurityFixture.idCard))
        try Self.expectNowhere([SecurityFixture.idCard, SecurityFixture.phone], in: fixture, archive: "before")
        let key = try #require(try DatabaseQueue(path: fixture.store).read { try Data.fetchOne($0, sql: "SELECT key FROM personal_keys") })
        #expect(key.count == 32 && Self.contains(key, fixture), "the key is kept in the store until erasure")

        let erase = try fixture.run(["member", "erase-personal", "m01", "--reason", "本人申请删除", "--actor", "组织委员"])
        #expect(erase.status == 0 && erase.stdout.contains("erased m01's personal data"), "\(erase.stderr)")
        #expect(!Self.contains(key, fixture), "the destroyed key's bytes are still in the store or its WAL")
        #expect(try fixture.run(["verify"]).status == 0)
        let shown = try fixture.ok(["member", "show", "m01", "--show-personal"])
        #expect(shown.contains("erased on \(SecurityFixture.today)") && !shown.contains(SecurityFixture.idCard))
        try Self.expectNowhere([SecurityFixture.idCard, SecurityFixture.phone], in: fixture, archive: "after")

        let erasure = try #require(try fixture.ok(["events", "--format", "ndjson"]).split(separator: "\n")
            .first { $0.contains("\"type\":\"member.personal-data-erased\"") })
        #expect(erasure.contains("\"actor\":\"组织委员\"") && erasure.contains("\"reason\":\"本人申请删除\""))
        let again = try fixture.run(["member", "erase-personal", "m01", "--reason", "again"])
        #expect(again.status == 1 && again.stderr.contains("was erased on \(SecurityFixture.today)"))
    }

    static func contains(_ bytes: Data, _ fixture: SecurityFixture) -> Bool {
        SecurityFixture.filesContain(bytes, [fixture.store, fixture.store + "-wal"])
    }

    @Test func viewingInFullIsRecordedWithWhoLooked() throws {
        let fixture = try SecurityFixture()
        let count = { try fixture.ok(["events", "--format", "ndjson"]).split(separator: "\n").count }
        let before = try count()
        let masked = try fixture.ok(["member", "show", "m01"])
        #expect(masked.contains("5301**********1231") && !masked.contains(SecurityFixture.idCard))
        #expect(try count() == before, "a masked view is not recorded")
        try fixture.ok(["member", "show", "m01", "--show-personal", "--actor", "审计员"])
        let lines = try fixture.ok(["events", "--format", "ndjson"]).split(separator: "\n")
        #expect(lines.count == before + 1)
        let viewed = try #require(lines.last)
        #expect(viewed.contains("\"type\":\"member.personal-data-viewed\"") && viewed.contains("\"actor\":\"审计员\"")
                && viewed.contains("\"stream_id\":\"personal-data-views-m01\""))
    }

    @Test func csvImportSealsPersonalDataToo() throws {
        let fixture = try SecurityFixture(member: false)
        let csv = fixture.directory.path("members.csv")
        let idCard = "11010519491231002X"
        try "id,name,branch,status,since,id-card,phone\nm02,李四,b1,full,2011-07-01,\(idCard),0871-12345678\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        try fixture.ok(["import", csv, "--kind", "members"])
        #expect(try fixture.ok(["member", "show", "m02", "--show-personal"]).contains(idCard))
        try Self.expectNowhere([idCard, "12345678"], in: fixture, archive: "imported")
        try fixture.ok(["import", csv, "--kind", "members"])
        try fixture.ok(["member", "erase-personal", "m02", "--reason", "离开后申请删除"])
        #expect(try fixture.ok(["member", "show", "m02", "--show-personal"]).contains("erased on"))
    }

    @Test func queryTablesAndReportsHoldNoPersonalData() throws {
        let fixture = try SecurityFixture()
        let tables = try DatabaseQueue(path: fixture.store).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('events', 'personal_keys')")
        }
        let database = try DatabaseQueue(path: fixture.store)
        for table in tables {
            let rows = try database.read { try Row.fetchAll($0, sql: "SELECT * FROM \"\(table)\"") }
            let text = rows.map(\.description).joined()
            #expect(!text.contains("1231") && !text.contains("5678"), "\(table) holds personal data")
        }
        for report in [["report", "summary", "--period", "2026"], ["member", "list", "--format", "json"], ["warnings"]] {
            let output = try fixture.ok(report)
            #expect(!output.contains("1231") && !output.contains("5678"), "\(report)")
        }
    }
}
