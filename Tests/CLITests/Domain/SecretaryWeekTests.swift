import Foundation
import Testing

@Suite struct SecretaryWeekTests {
    /// District → street → community → branch with two party groups, and a second branch.
    func setUpBranch(_ session: DomainSession) throws {
        try session.ok(["org", "add", "gd", "--name", "官渡区委", "--kind", "district", "--since", "2020-01-01"])
        try session.ok(["org", "add", "gd-s1", "--name", "关上街道党工委", "--kind", "street", "--parent", "gd", "--since", "2020-01-01"])
        try session.ok(["org", "add", "gd-c1", "--name", "关上社区党委", "--kind", "community", "--parent", "gd-s1", "--since", "2020-01-01"])
        let branch = try session.ok(["org", "add", "b1", "--name", "第一居民区党支部", "--kind", "branch", "--parent", "gd-c1", "--since", "2020-01-01"])
        #expect(branch == "b1")
        try session.ok(["org", "add", "g1", "--name", "一号楼党小组", "--kind", "group", "--parent", "b1", "--since", "2020-01-01"])
        try session.ok(["org", "add", "b2", "--name", "第二党支部", "--kind", "branch", "--parent", "gd-c1", "--setting", "other", "--since", "2020-01-01"])
    }

    @Test func aSecretarysWeek() throws {
        let session = try DomainSession()
        try setUpBranch(session)
        let added = try session.ok(["member", "add", "m01", "--name", "王书记", "--branch", "b1", "--status", "full", "--since", "2010-07-01",
                                    "--group", "g1", "--role", "secretary", "--id-card", "530102199001011231", "--phone", "13812345678",
                                    "--actor", "王书记"])
        #expect(added == "m01")
        for (id, name) in [("m02", "李红"), ("m03", "张伟"), ("m04", "赵敏")] {
            try session.ok(["member", "add", id, "--name", name, "--branch", "b1", "--status", "full", "--since", "2015-03-01", "--group", "g1"])
        }
        try session.ok(["member", "add", "p01", "--name", "陈预备", "--branch", "b1", "--status", "probationary", "--since", "2025-03-01"])
        try session.ok(["member", "add", "p02", "--name", "周预备", "--branch", "b1", "--status", "probationary", "--since", "2025-01-10"])
        try session.ok(["member", "add", "a01", "--name", "钱积极", "--branch", "b1", "--status", "applicant", "--since", "2024-01-05"])
        // The talk with the applicant (谈话), recorded after they became an activist.
        #expect(try !session.ok(["member", "promote", "a01", "--to", "activist", "--date", "2024-03-01"]).isEmpty)
        let talk = try session.ok(["member", "talk", "a01", "--date", "2024-01-20", "--by", "m01", "--note", "了解入党动机"])
        #expect(UUID(uuidString: talk) != nil)
        try session.ok(["member", "promote", "a01", "--to", "candidate", "--date", "2025-03-01"])
        try session.ok(["member", "extend-probation", "p01", "--months", "6", "--date", "2026-03-01", "--reason", "需继续考察"])
        try session.ok(["member", "cancel-probation", "p02", "--date", "2026-01-12", "--reason", "不具备党员条件"])
        try session.ok(["member", "set-role", "m02", "--role", "committee-member", "--date", "2026-01-05"])
        try session.ok(["committee", "elect", "--branch", "b1", "--date", "2026-01-05", "--members", "m01,m02,m03"])
        try session.ok(["member", "add", "t01", "--name", "孙调动", "--branch", "b2", "--status", "full", "--since", "2018-01-01"])
        try session.ok(["member", "transfer", "t01", "--to-branch", "b1", "--date", "2026-02-01"])
        try session.ok(["member", "add", "l01", "--name", "吴离开", "--branch", "b1", "--status", "full", "--since", "2012-01-01"])
        try session.ok(["member", "leave", "l01", "--reason", "transferred-out", "--date", "2026-02-15"])

        // Every meeting type, with attendance.
        var meetings: [String: String] = [:]
        for type in ["member-assembly", "committee-meeting", "group-meeting", "party-lecture", "theme-day", "life-meeting", "member-review"] {
            var arguments = ["meeting", "log", "--branch", "b1", "--type", type, "--date", "2026-03-16", "--topic", "学习二十届四中全会精神",
                             "--attendees", "m01,m02,m03", "--absent", "m04", "--host", "m01", "--recorder", "m02", "--place", "社区活动室"]
            if type == "group-meeting" { arguments += ["--group", "g1"] }
            else { arguments += ["--on-leave", "p01:出差"] }
            if type == "party-lecture" { arguments += ["--lecturer", "m01"] }
            let id = try session.ok(arguments)
            #expect(UUID(uuidString: id) != nil)
            meetings[type] = id
        }
        // Study and dues.
        let study = try session.ok(["study", "log", "--member", "m01,m02,t01", "--date", "2026-03-17", "--hours", "2.5",
                                    "--kind", "party-school", "--course", "党章学习"])
        #expect(UUID(uuidString: study) != nil)
        try session.ok(["dues", "pay", "--member", "m01", "--from", "2026-01", "--to", "2026-03", "--amount", "36.60", "--date", "2026-03-18"])
        try session.ok(["dues", "pay", "--member", "m02", "--from", "2026-03", "--date", "2026-03-18"])

        // A mistake corrected, and a duplicate retracted.
        let assembly = try #require(meetings["member-assembly"])
        try session.ok(["meeting", "correct", assembly, "--attendees", "m01,m02,m03,m04", "--absent", "", "--reason", "赵敏实际出席"])
        try session.ok(["meeting", "retract", String(try #require(meetings["theme-day"]).prefix(8)), "--reason", "重复登记"])

        let list = try session.ok(["meeting", "list", "--branch", "b1", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.utf8)) as? [[String: Any]])
        #expect(rows.count == 7)
        let corrected = try #require(rows.first { $0["id"] as? String == assembly })
        #expect(corrected["attended"] as? Int == 4 && corrected["absent"] as? Int == 0 && corrected["corrections"] as? Int == 1)
        #expect(rows.filter { $0["retracted"] as? Bool == true }.map { $0["type"] as? String } == ["theme-day"])
        let csv = try session.ok(["meeting", "list", "--format", "csv", "--from", "2026-03-16", "--to", "2026-03-16"])
        #expect(csv.split(separator: "\n").first == "id,date,type,branch,group,topic,attended,absent,on_leave,corrections,retracted")
        #expect(csv.split(separator: "\n").count == 8)
        let table = try session.run(["meeting", "list", "--lang", "zh"])
        #expect(table.stdout.contains("党员大会") && table.stdout.contains("已撤销"))

        // The roll and one member's record, personal data masked unless asked.
        let roster = try session.ok(["member", "list", "--branch", "b1", "--format", "json"])
        let members = try #require(try JSONSerialization.jsonObject(with: Data(roster.utf8)) as? [[String: Any]])
        #expect(Set(members.compactMap { $0["id"] as? String }) == ["a01", "m01", "m02", "m03", "m04", "p01", "t01"])
        let masked = try session.ok(["member", "show", "m01"])
        #expect(masked.contains("5301**********1231") && masked.contains("138****5678") && !masked.contains("530102199001011231"))
        let full = try session.ok(["member", "show", "m01", "--show-personal"])
        #expect(full.contains("530102199001011231") && full.contains("13812345678"))
        // Erased on request: the keys go, the record says so.
        try session.ok(["member", "erase-personal", "m01", "--reason", "本人申请删除"])
        let erased = try session.ok(["member", "show", "m01", "--show-personal"])
        #expect(erased.contains("erased on \(DomainSession.today)") && !erased.contains("1231"))

        // Every event's payload matches its schema, every event type occurs, and the chain holds.
        let lines = try session.eventLines()
        let schemaFiles = try FileManager.default.contentsOfDirectory(
            atPath: DomainSession.packageRoot.appendingPathComponent("schemas/events").path)
        let schemaTypes = Set(schemaFiles.map { $0.replacingOccurrences(of: ".schema.json", with: "") })
        #expect(try Python.validatePayloads(lines) == schemaTypes)
        #expect(schemaTypes.count == 18)
        #expect(lines.contains { $0.contains("\"actor\":\"王书记\"") })
        #expect(lines.contains { $0.contains("\"actor\":\"tester\"") })
        let talked = try #require(lines.first { $0.contains("\"type\":\"member.talked\"") })
        #expect(talked.contains("\"payload\":{\"branch\":\"b1\",\"by\":\"m01\",\"date\":\"2024-01-20\",\"member\":\"a01\",\"note\":\"了解入党动机\"}"))
        #expect(talked.contains("\"stream_id\":\"member-a01\"") && talked.contains("\"business_time\":\"2024-01-20\""))
        #expect(try session.run(["verify"]).status == 0)
    }

    @Test func aRefusedCommandLeavesTheStoreByteForByteUnchanged() throws {
        let session = try DomainSession()
        try setUpBranch(session)
        try session.ok(["member", "add", "m01", "--name", "王书记", "--branch", "b1", "--status", "full", "--since", "2010-07-01"])
        try session.ok(["member", "add", "x01", "--name", "外支部", "--branch", "b2", "--status", "full", "--since", "2010-07-01"])
        let eventsBefore = try session.eventLines()
        let bytesBefore = try session.fileSnapshot()
        let refusals: [([String], String)] = [
            (["meeting", "log", "--branch", "b1", "--type", "theme-day", "--date", "2026-03-21", "--topic", "t", "--attendees", "m01"], "after today"),
            (["meeting", "log", "--branch", "b1", "--type", "theme-day", "--date", "2026-01-05", "--topic", "t", "--attendees", "m01"], "--late-reason"),
            (["meeting", "log", "--branch", "b1", "--type", "theme-day", "--date", "2026-03-05", "--topic", "t", "--attendees", "m01,x01"], "was not in branch b1"),
            (["meeting", "log", "--branch", "b1", "--type", "theme-day", "--date", "2026-03-05", "--topic", "t", "--attendees", "m01,m01"], "listed more than once"),
            (["member", "add", "m09", "--name", "错号", "--branch", "b1", "--status", "full", "--since", "2010-07-01", "--id-card", "530102199001011232"], "check digit"),
            (["member", "promote", "m01", "--to", "candidate", "--date", "2026-01-01"], "cannot become candidate"),
            (["study", "log", "--member", "m01", "--date", "2026-03-01", "--hours", "24.5", "--kind", "online", "--course", "c"], "at most 24"),
            (["dues", "pay", "--member", "m01", "--from", "2026-03", "--to", "2026-01"], "is before --from"),
            (["member", "talk", "m01", "--date", "2026-03-01"], "not an applicant"),
        ]
        for (arguments, reason) in refusals {
            let result = try session.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains(reason), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        let chinese = try session.run(refusals[0].0 + ["--lang", "zh"])
        #expect(chinese.stderr.contains("晚于今天"))
        #expect(try session.eventLines() == eventsBefore)
        #expect(try session.fileSnapshot() == bytesBefore)

        // The comparison sees a write that leaves every table as it was: a table created and
        // dropped (what opening a store once did) moves the header's change counters.
        try Python.run("""
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1]); db.execute("CREATE TABLE t (x)"); db.execute("DROP TABLE t"); db.commit(); db.close()
            """, arguments: [session.store])
        #expect(try session.eventLines() == eventsBefore)
        #expect(try session.fileSnapshot() != bytesBefore)
    }

    @Test func payingTheSameMonthTwiceIsRefused() throws {
        // Two dues payments for the same months by two secretaries: the second is refused.
        let session = try DomainSession()
        try setUpBranch(session)
        try session.ok(["member", "add", "m01", "--name", "王书记", "--branch", "b1", "--status", "full", "--since", "2010-07-01"])
        try session.ok(["dues", "pay", "--member", "m01", "--from", "2026-02", "--actor", "甲"])
        let second = try session.run(["dues", "pay", "--member", "m01", "--from", "2026-02", "--actor", "乙"])
        #expect(second.status == 1 && second.stderr.contains("has paid the dues for 2026-02 already"))
    }
}
