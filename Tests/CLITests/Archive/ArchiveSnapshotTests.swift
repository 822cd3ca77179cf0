import Foundation
import Testing

/// What an archive of a real district's log carries besides the events, and that importing
/// it gives back the same query tables.
@Suite struct ArchiveSnapshotTests {
    static let idCard = "530102199001011231"
    static let phone = "13812345678"

    /// A branch with members, meetings, study and dues in 2026-Q1, and a signing key.
    static func district() throws -> DomainSession {
        let session = try DomainSession()
        try SecretaryWeekTests().setUpBranch(session)
        try session.ok(["member", "add", "m01", "--name", "王书记", "--branch", "b1", "--status", "full", "--since", "2010-07-01",
                        "--group", "g1", "--role", "secretary", "--id-card", idCard, "--phone", phone])
        try session.ok(["member", "add", "m02", "--name", "李红", "--branch", "b1", "--status", "full", "--since", "2015-03-01", "--group", "g1"])
        try session.ok(["member", "add", "p01", "--name", "陈预备", "--branch", "b2", "--status", "probationary", "--since", "2025-03-01"])
        try session.ok(["member", "add", "a01", "--name", "钱积极", "--branch", "b1", "--status", "applicant", "--since", "2024-01-05"])
        try session.ok(["member", "leave", "m02", "--reason", "transferred-out", "--date", "2026-02-15"])
        try session.ok(["committee", "elect", "--branch", "b1", "--date", "2026-01-05", "--members", "m01"])
        for (type, date) in [("member-assembly", "2026-03-16"), ("committee-meeting", "2026-03-05"), ("party-lecture", "2026-03-02")] {
            try session.ok(["meeting", "log", "--branch", "b1", "--type", type, "--date", date, "--topic", "学习, \"党章\"",
                            "--attendees", "m01", "--host", "m01", "--recorder", "m01", "--place", "活动室"])
        }
        try session.ok(["study", "log", "--member", "m01,p01", "--date", "2026-03-17", "--hours", "2.5", "--kind", "party-school", "--course", "党章"])
        try session.ok(["dues", "pay", "--member", "m01", "--from", "2026-01", "--to", "2026-02", "--amount", "24.40", "--date", "2026-03-18"])
        try session.ok(["keys", "generate", "--out", session.directory.path("")])
        return session
    }

    static func unpack(_ archive: String, into folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tar", "-xzf", archive, "-C", folder]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// A snapshot's text without its byte-order mark.
    static func snapshot(_ folder: String, _ name: String) throws -> String {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/reports/" + name))
        #expect(bytes.prefix(3) == Data([0xEF, 0xBB, 0xBF]), "\(name) starts with a byte-order mark")
        return String(decoding: bytes.dropFirst(3), as: UTF8.self)
    }

    @Test func aPeriodsArchiveCarriesTheReportsOfThatPeriodAndNoPersonalData() throws {
        let session = try Self.district()
        // The reports as an operator prints them, before the export.
        let reports = try [
            ("compliance.csv", ["report", "compliance", "--period", "2026-Q1"]),
            ("attendance.csv", ["report", "attendance", "--period", "2026-Q1"]),
            ("study.csv", ["report", "study", "--year", "2026"]),
            ("dues.csv", ["report", "dues", "--as-of", "2026-03-31"]),
            ("summary.csv", ["report", "summary", "--period", "2026-Q1"]),
        ].map { ($0.0, try session.run($0.1 + ["--format", "csv", "--lang", "zh"]).stdout) }
        let archive = try session.ok(["archive", "export", "--period", "2026-Q1", "--out", session.directory.path(""),
                                      "--key", session.directory.path("archive-signing-key.pem"), "--lang", "zh"])
        let folder = session.directory.path("unpacked")
        try Self.unpack(archive, into: folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder + "/reports").sorted()
        #expect(names == ["attendance.csv", "compliance.csv", "dues.csv", "exports.csv", "roster.csv", "study.csv", "summary.csv"])
        for (name, printed) in reports {
            let stored = try Self.snapshot(folder, name)
            #expect(stored == printed, "\(name) is the report for 2026-Q1:\n\(stored)\nprinted:\n\(printed)")
            #expect(printed.split(separator: "\r\n").count > 1, "\(name) has rows")
        }
        let roster = try Self.snapshot(folder, "roster.csv")
        #expect(roster.hasPrefix("编号,姓名,支部,党小组,身份,职务,入党日期\r\n"))
        #expect(roster.contains("m01,王书记,b1,g1,正式党员,书记,2010-07-01\r\n"), "\(roster)")
        #expect(roster.contains("a01,钱积极") && roster.contains("p01,陈预备"))
        #expect(!roster.contains("m02"), "a member who left before the period's end is not on its roll")
        for name in names {
            let text = try Self.snapshot(folder, name)
            #expect(!text.contains(Self.idCard) && !text.contains(Self.phone) && !text.contains("1231"), "\(name) holds personal data")
        }
        let verified = try session.run(["archive", "verify", archive, "--public-key", session.directory.path("archive-signing-key.pub.pem")])
        #expect(verified.status == 0 && verified.stderr.isEmpty, "\(verified.stderr)")
    }

    @Test func anArchiveByRangeTakesTheQuarterOfItsLastEventInEnglish() throws {
        let session = try Self.district()
        let archive = try session.ok(["archive", "export", "--since-last", "--out", session.directory.path("")])
        let folder = session.directory.path("unpacked")
        try Self.unpack(archive, into: folder)
        #expect(try Self.snapshot(folder, "compliance.csv") == session.run(
            ["report", "compliance", "--period", "2026-Q1", "--format", "csv", "--lang", "en"]).stdout)
        #expect(try Self.snapshot(folder, "dues.csv") == session.run(
            ["report", "dues", "--as-of", "2026-03-18", "--format", "csv", "--lang", "en"]).stdout)
        #expect(try Self.snapshot(folder, "roster.csv").hasPrefix("id,name,branch,group,status,role,joined\r\n"))
    }

    @Test func importIntoAnEmptyStoreGivesTheSameLogAndQueryTables() throws {
        let session = try Self.district()
        let archive = try session.ok(["archive", "export", "--since-last", "--out", session.directory.path("")])
        let copy = session.directory.path("copy.sqlite")
        let imported = try Dangjian.run(["archive", "import", "--store", copy, archive])
        #expect(imported.status == 0, "\(imported.stderr)")
        // The original now also holds the export event, which changes no query table.
        let original = try session.eventLines()
        let copied = try Dangjian.run(["events", "--store", copy, "--format", "ndjson"]).stdout.split(separator: "\n").map(String.init)
        #expect(copied == Array(original.dropLast()) && !copied.isEmpty)
        let originalTables = try StoreTables.dump(session.store)
        let copiedTables = try StoreTables.dump(copy)
        #expect(originalTables.keys.sorted() == copiedTables.keys.sorted())
        #expect(originalTables.keys.contains("roster") && originalTables.keys.contains("meetings_held"))
        for table in originalTables.keys.sorted() {
            #expect(originalTables[table] == copiedTables[table], "table \(table) differs after import")
        }
        #expect(originalTables.values.filter { !$0.isEmpty }.count >= 8)
    }
}
