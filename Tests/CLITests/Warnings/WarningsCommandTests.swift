import Foundation
import Testing

/// The operator's view: `dangjian warnings`, `warnings ack`, `warnings summary`, `rules show`
/// and `report …`, run as a user runs them.
@Suite struct WarningsCommandTests {
    /// A street with two branches: b1 keeps its theme days, b2 skipped February's; member
    /// x of b2 has not taken part since joining.
    static func district() throws -> District {
        let dir = try TemporaryDirectory()
        let environment = ["DANGJIAN_STORE": dir.path("hub.sqlite"), "DANGJIAN_TODAY": "2026-03-31"]
        let commands: [[String]] = [
            ["init"],
            ["org", "add", "d", "--name", "官渡区", "--kind", "district", "--since", "2025-01-01"],
            ["org", "add", "s", "--name", "关上街道", "--kind", "street", "--parent", "d", "--since", "2025-01-01"],
            ["org", "add", "c", "--name", "世纪城社区", "--kind", "community", "--parent", "s", "--since", "2025-01-01"],
            ["org", "add", "b1", "--name", "第一支部", "--kind", "branch", "--parent", "c", "--setting", "community", "--since", "2026-01-01"],
            ["org", "add", "b2", "--name", "第二支部", "--kind", "branch", "--parent", "c", "--setting", "community", "--since", "2026-01-01"],
            ["member", "add", "a", "--name", "张三", "--branch", "b1", "--status", "full", "--since", "2026-01-01"],
            ["member", "add", "x", "--name", "李四", "--branch", "b2", "--status", "full", "--since", "2025-11-10"],
            ["member", "add", "y", "--name", "王五", "--branch", "b2", "--status", "full", "--since", "2026-01-01"],
        ] + ["01", "02", "03"].map {
            ["meeting", "log", "--branch", "b1", "--type", "theme-day", "--date", "2026-\($0)-10", "--topic", "主题党日", "--attendees", "a", "--late-reason", "补录"]
        } + ["01", "03"].map {
            ["meeting", "log", "--branch", "b2", "--type", "theme-day", "--date", "2026-\($0)-12", "--topic", "主题党日", "--attendees", "y", "--late-reason", "补录"]
        }
        for command in commands {
            let result = try Dangjian.run(command, environment: environment)
            guard result.status == 0 else { throw SetupFailed(command: command, stderr: result.stderr) }
        }
        return District(directory: dir, environment: environment)
    }

    /// The store's folder (removed when the test lets go of it) and the environment naming it.
    struct District {
        let directory: TemporaryDirectory
        let environment: [String: String]

        func run(_ arguments: [String]) throws -> Dangjian.Result {
            try Dangjian.run(arguments, environment: environment)
        }
    }

    struct SetupFailed: Error {
        var command: [String]
        var stderr: String
    }

    static func json(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    @Test func jsonHasExactlyTheAgreedFieldsInTheAgreedOrder() throws {
        let district = try Self.district()
        let result = try district.run(["warnings", "--format", "json", "--as-of", "2026-03-31"])
        #expect(result.status == 0, "\(result.stderr)")
        let warnings = try Self.json(result.stdout)
        #expect(!warnings.isEmpty)
        for warning in warnings {
            #expect(Set(warning.keys) == ["key", "rule", "severity", "org", "subject", "period", "since", "message", "basis", "acknowledged"])
        }
        let themeDay = try #require(warnings.first { $0["rule"] as? String == "theme-day" })
        #expect(themeDay["key"] as? String == "theme-day:b2:2026-02")
        #expect(themeDay["severity"] as? String == "red")
        #expect(themeDay["subject"] is NSNull)
        #expect(themeDay["since"] as? String == "2026-03-01")
        #expect((themeDay["basis"] as? String)?.contains("Art. 16") == true)
        let gap = try #require(warnings.first { $0["key"] as? String == "participation-gap:x:2026-03" })
        #expect(gap["org"] as? String == "b2")
        // Red before yellow, then organisation, rule, subject, period.
        let order = warnings.map { [$0["severity"] as! String == "red" ? "0" : "1", $0["org"] as! String, $0["rule"] as! String, $0["subject"] as? String ?? "", $0["period"] as? String ?? ""] }
        #expect(order == order.sorted { $0.lexicographicallyPrecedes($1) })
    }

    @Test func theSameStoreAndDayGiveByteIdenticalOutputAcrossRunsAndRebuilds() throws {
        let district = try Self.district()
        let arguments = ["warnings", "--format", "json", "--as-of", "2026-03-31", "--lang", "zh"]
        let first = try district.run(arguments)
        let second = try district.run(arguments)
        #expect(first.stdout == second.stdout)
        #expect(try district.run(["rebuild"]).status == 0)
        #expect(try district.run(arguments).stdout == first.stdout)
    }

    @Test func filtersKeepOnlyWhatIsAskedFor() throws {
        let district = try Self.district()
        let red = try Self.json(try district.run(["warnings", "--format", "json", "--severity", "red"]).stdout)
        #expect(!red.isEmpty && red.allSatisfy { $0["severity"] as? String == "red" })
        let rule = try Self.json(try district.run(["warnings", "--format", "json", "--rule", "dues-arrears"]).stdout)
        #expect(!rule.isEmpty && rule.allSatisfy { $0["rule"] as? String == "dues-arrears" })
        let b1 = try Self.json(try district.run(["warnings", "--format", "json", "--org", "b1"]).stdout)
        #expect(!b1.isEmpty && b1.allSatisfy { $0["org"] as? String == "b1" })
        let unknownRule = try district.run(["warnings", "--rule", "no-such-rule"])
        #expect(unknownRule.status == 2)
        let unknownOrg = try district.run(["warnings", "--org", "nowhere"])
        #expect(unknownOrg.status == 1)
        #expect(unknownOrg.stderr.contains("no organisation with id nowhere"))
    }

    @Test func anAcknowledgedWarningIsHiddenUntilItsPeriodChanges() throws {
        let district = try Self.district()
        let key = "participation-gap:x:2026-03"
        let ack = try district.run(["warnings", "ack", key, "--note", "已电话联系，下月参加", "--actor", "operator"])
        #expect(ack.status == 0, "\(ack.stderr)")
        #expect(ack.stdout.trimmingCharacters(in: .whitespacesAndNewlines).count == 36)
        let open = try Self.json(try district.run(["warnings", "--format", "json"]).stdout)
        #expect(!open.contains { $0["key"] as? String == key })
        let all = try Self.json(try district.run(["warnings", "--format", "json", "--include-acknowledged"]).stdout)
        #expect(all.first { $0["key"] as? String == key }?["acknowledged"] as? Bool == true)
        // The acknowledgement is an event, with who and the note.
        let events = try district.run(["events", "--format", "ndjson", "--stream", "warning-acknowledgements"])
        #expect(events.stdout.contains(#""actor":"operator""#) && events.stdout.contains("已电话联系"))
        // A month later the gap persists: a new key, shown again.
        let april = try Self.json(try district.run(["warnings", "--format", "json", "--as-of", "2026-04-01"]).stdout)
        #expect(april.contains { $0["key"] as? String == "participation-gap:x:2026-04" })
        let again = try district.run(["warnings", "ack", key, "--note", "再次确认"])
        #expect(again.status == 1)
        let unknown = try district.run(["warnings", "ack", "theme-day:b1:2026-02", "--note", "无"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no current warning has the key"))
    }

    @Test func tablesGroupByStreetAndCommunityAndStayPlainOffATerminal() throws {
        let district = try Self.district()
        let table = try district.run(["warnings", "--lang", "zh"])
        #expect(table.stdout.contains("■ 关上街道 › 世纪城社区"))
        #expect(table.stdout.contains("● 红"))
        #expect(table.stdout.contains("依据："))
        #expect(!table.stdout.contains("\u{1B}["))
        // A branch asked for alone is still shown under its street and community.
        let branch = try district.run(["warnings", "--lang", "zh", "--org", "b2"])
        #expect(branch.stdout.contains("■ 关上街道 › 世纪城社区"))
        #expect(!branch.stdout.contains("未归属街道社区"))
        let summary = try district.run(["warnings", "summary", "--format", "json"])
        let rows = try Self.json(summary.stdout)
        #expect(rows.map { $0["org"].flatMap { ($0 as? [String: Any])?["id"] as? String } } == ["s", "c"])
        #expect(rows.first?["branches"] as? Int == 2)
        #expect(rows.first?["red"] as? Int == 2)
    }

    @Test func aBadRulesFileIsRefusedWithItsLocationAndChangesNothing() throws {
        let district = try Self.district()
        let rules = district.directory.path("rules.json")
        try "{\n  \"version\": 1,\n  \"rules\": [\n    { \"id\": \"x\", \"kind\": \"dues-arrears\", \"basis\": { \"zh\": \"依据\", \"en\": \"basis\" },\n      \"parameters\": { \"yellow_months\": 3, \"red_months\": 1 } }\n  ]\n}\n"
            .write(toFile: rules, atomically: true, encoding: .utf8)
        let result = try district.run(["warnings", "--rules", rules])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(rules):5"))
        #expect(result.stderr.contains("/rules/0/parameters/red_months"))
        let shown = try district.run(["rules", "show", "--format", "json"])
        #expect(shown.stdout.contains(#""look_back_days" : 365"#))
    }

    @Test func anOperatorFindsMissedCommitteeMeetingsAndAttendanceWithOneCommandEach() throws {
        let district = try Self.district()
        let compliance = try Self.json(try district.run(["report", "compliance", "--period", "2026-02", "--org", "s", "--missed-only", "--format", "json"]).stdout)
        #expect(compliance.compactMap { ($0["org"] as? [String: Any])?["id"] as? String } == ["b2"])
        let attendance = try Self.json(try district.run(["report", "attendance", "--period", "2026-Q1", "--org", "b2", "--format", "json"]).stdout)
        let x = try #require(attendance.first { ($0["member"] as? [String: Any])?["id"] as? String == "x" })
        #expect((x["held"] as? Int, x["attended"] as? Int, x["absent"] as? Int) == (2, 0, 2))
        let summary = try Self.json(try district.run(["report", "summary", "--period", "2026-Q1", "--format", "json"]).stdout)
        #expect(summary.first?["red_branches"] as? Int == 2)
        let csv = try district.run(["report", "compliance", "--period", "2026-Q1", "--format", "csv", "--lang", "zh"])
        #expect(csv.stdout.hasPrefix("组织,名称,期间,"))
    }
}
