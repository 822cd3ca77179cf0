@testable import EarlyWarning
import Foundation
@testable import PartyBuilding
import Testing

/// Rules as data: the shipped defaults, a changed threshold, and refused files.
@Suite struct RulesFileTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func theOfficialRulesCoverTheWholeRuleTable() {
        #expect(RuleSet.official.rules.map(\.id) == [
            "member-assembly", "committee-meeting", "group-meeting", "party-lecture", "theme-day", "life-meeting",
            "member-review", "participation-gap", "dues-arrears", "study-hours", "probation-due", "committee-term",
            "branch-structure", "activist-duration", "applicant-talk",
        ])
        #expect(RuleSet.official.rules.filter(\.local).map(\.id) == ["party-lecture"])
    }

    @Test func theShippedRulesFileMatchesItsSchema() throws {
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))))
            bad = json.load(open(sys.argv[2])); bad["rules"][7]["parameters"]["red_months"] = "six"
            wrong = list(jsonschema.Draft202012Validator(schema).iter_errors(bad))
            print(len(errors), len(wrong) > 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script,
                             Self.repository.appendingPathComponent("schemas/rules.schema.json").path,
                             Self.repository.appendingPathComponent("Sources/EarlyWarning/Resources/default-rules.json").path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text == "0 True\n")
    }

    @Test func aChangedThresholdChangesTheWarnings() throws {
        var fixture = try WarningFixture()
        try fixture.branch("b")
        try fixture.member("x", branch: "b", since: "2025-01-10")
        try fixture.meeting(.themeDay, "2025-06-20", branch: "b", attendees: ["x"])
        var rules = RuleSet.official
        let index = try #require(rules.rules.firstIndex { $0.id == "participation-gap" })
        rules.rules[index].check = .participationGap(Rule.MonthThresholds(yellowMonths: 2, redMonths: 4))
        // July and August: 2 — yellow under the local rule, nothing under the official one.
        #expect(try fixture.lights("participation-gap", asOf: "2025-09-30", rules: rules) == ["yellow participation-gap:x:2025-09"])
        #expect(try fixture.lights("participation-gap", asOf: "2025-09-30") == [])
        #expect(try fixture.lights("participation-gap", asOf: "2025-11-01", rules: rules) == ["red participation-gap:x:2025-11"])
        rules.rules[index].enabled = false
        #expect(try fixture.lights("participation-gap", asOf: "2025-11-01", rules: rules) == [])
    }

    @Test(arguments: [
        (#""red_months": 6"#, #""red_months": 2"#, 75, "/rules/7/parameters/red_months", "must be more than yellow_months"),
        (#""red_months": 6"#, #""red_months": "six""#, 75, "/rules/7/parameters/red_months", "expected a whole number"),
        (#""red_months": 6"#, #""red_months": 6, "grace": 1"#, 75, "/rules/7/parameters/grace", "unknown field 'grace'"),
        (#""kind": "dues-arrears""#, #""kind": "dues""#, 79, "/rules/8/kind", "unknown kind 'dues'"),
        (#""yellow_from_month": 10"#, #""yellow_from_month": 13"#, 93, "/rules/9/parameters/yellow_from_month", "must be a month"),
        (#""id": "theme-day""#, #""id": "member-assembly""#, 42, "/rules/4/id", "used twice"),
        (#""version": 1"#, #""version": 2"#, 2, "/version", "not supported"),
    ])
    func aBadRulesFileIsRefusedNamingLineAndPath(original: String, replacement: String, line: Int, path: String, problem: String) throws {
        let text = String(decoding: PackageResourcesProbe.defaultRules, as: UTF8.self)
        #expect(text.contains(original))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try text.replacingOccurrences(of: original, with: replacement).write(to: file, atomically: true, encoding: .utf8)
        let error = #expect(throws: RulesError.self) { try RuleSet(contentsOf: file.path) }
        guard case .invalid(let name, let foundLine, _, let foundPath, let foundProblem) = error else {
            Issue.record("expected an invalid-file error, got \(String(describing: error))")
            return
        }
        #expect(name == file.path)
        #expect(foundPath == path)
        #expect(foundLine == line)
        #expect(foundProblem.en.contains(problem), "\(foundProblem)")
    }

    @Test func brokenJSONIsRefusedWithItsLineAndColumn() throws {
        let error = try RulesSyntaxTests.refusal(of: Array("{\n  \"version\": 1,\n  \"rules\": [\n    {,\n  ]\n}\n".utf8))
        #expect(error.message.en.contains(":4:6 (at /rules/0) "), "\(error.message.en)")
        #expect(error.message.en.contains("expected a name in double quotes, found ','"), "\(error.message.en)")
    }
}

/// The shipped rules file's bytes, read from the repository.
enum PackageResourcesProbe {
    static var defaultRules: Data {
        (try? Data(contentsOf: RulesFileTests.repository.appendingPathComponent("Sources/EarlyWarning/Resources/default-rules.json"))) ?? Data()
    }
}
