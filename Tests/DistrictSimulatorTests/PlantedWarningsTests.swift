import DistrictSimulator
import EarlyWarning
import EventStore
import Foundation
import Testing

@Suite struct PlantedWarningsTests {
    /// The street-scale demo raises every kind of warning the official rules know, and
    /// exactly the warnings the simulator planted: the evaluator reading the store and the
    /// simulator's own ledger agree warning for warning.
    @Test func theStreetRaisesExactlyThePlantedWarningsOfEveryKind() throws {
        let simulated = try SimulatedStore(SimulationOptions(scale: .street, years: 1, seed: 7), withQueryTables: true)
        defer { simulated.remove() }
        let outcome = simulated.outcome
        let findings = try simulated.store.snapshot { db in
            try WarningEvaluator(rules: .official).evaluate(asOf: outcome.endDate, in: db)
        }
        let produced = findings.map {
            PlantedWarning(rule: $0.rule, severity: $0.severity.rawValue, org: $0.org, subject: $0.subject, period: $0.period)
        }.sorted()

        let ruleIDs = Set(RuleSet.official.rules.map(\.id))
        #expect(Set(produced.map(\.rule)) == ruleIDs, "every rule of the official table raises at least one warning")
        #expect(Set(outcome.planted.map(\.rule)) == ruleIDs)
        #expect(produced.contains { $0.severity == "red" } && produced.contains { $0.severity == "yellow" })

        let unexpected = Set(produced).subtracting(outcome.planted).sorted()
        let missing = Set(outcome.planted).subtracting(produced).sorted()
        #expect(unexpected.isEmpty, "raised but not planted: \(unexpected.prefix(20))")
        #expect(missing.isEmpty, "planted but not raised: \(missing.prefix(20))")

        // Two workers sharing the rules give exactly what one connection gives, in the same order.
        #expect(try WarningEvaluator(rules: .official).evaluate(asOf: outcome.endDate, in: simulated.store) == findings)
    }
}
