import Foundation
@testable import EarlyWarning
import Testing

/// Mutated rules files for `--rules`: no crash or hang, and every refusal is a `RulesError`
/// naming the file, the place (line, or the JSON path) and the reason.
@Suite("Fuzz: rules file")
struct FuzzRulesTests {
    @Test func everyRefusalNamesFilePlaceAndReason() {
        let official = [UInt8](PackageResources.default_rules_json)
        let file = "fuzz-rules.json"
        var withLine = 0, refused = 0
        Fuzzing.run("rules file", seeds: [official], salt: 2) { input in
            do {
                _ = try RuleSet(json: Data(input), file: file)
            } catch let error as RulesError {
                refused += 1
                guard case .invalid(let named, let line, _, let problem) = error else {
                    Issue.record("\(error)")
                    return
                }
                if line != nil { withLine += 1 }
                #expect(named == file && !problem.isEmpty)
                #expect(error.message.en.hasPrefix("rules file \(file)") && error.message.en.contains("(at /"), "\(error.message.en)")
            } catch {
                Issue.record("not a RulesError: \(error) on \(Fuzzing.keep(input, "rules"))")
            }
        }
        #expect(refused > 0 && withLine > 0)
        print("fuzz rules file: \(refused) refused, \(withLine) of them with a line number")
    }
}
