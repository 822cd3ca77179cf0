import Foundation
@testable import EarlyWarning
import Testing

/// Mutated rules files for `--rules`: no crash or hang, and every refusal is a `RulesError`
/// naming the file, the line and column (within the file), the JSON path and the reason.
@Suite("Fuzz: rules file")
struct FuzzRulesTests {
    @Test func everyRefusalNamesFileLineColumnAndReason() {
        let official = [UInt8](PackageResources.default_rules_json)
        let file = "fuzz-rules.json"
        var refused = 0
        Fuzzing.run("rules file", seeds: [official], salt: 2) { input in
            do {
                _ = try RuleSet(json: Data(input), file: file)
            } catch let error as RulesError {
                refused += 1
                guard case .invalid(let named, let line, let column, _, let problem) = error else {
                    Issue.record("\(error)")
                    return
                }
                let lineCount = input.count(where: { $0 == UInt8(ascii: "\n") }) + 1
                #expect(named == file && !problem.en.isEmpty && !problem.zh.isEmpty)
                #expect((1...lineCount).contains(line) && column >= 1, "line \(line) of \(lineCount): \(Fuzzing.keep(input, "rules"))")
                #expect(error.message.en.hasPrefix("rules file \(file):\(line):\(column) (at /"), "\(error.message.en)")
            } catch {
                Issue.record("not a RulesError: \(error) on \(Fuzzing.keep(input, "rules"))")
            }
        }
        #expect(refused > 0)
        print("fuzz rules file: \(refused) refused, each with its line and column")
    }
}
