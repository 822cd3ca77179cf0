import ArgumentParser
import Bilingual
import EarlyWarning
import EventStore
import GRDB
import PartyBuilding
import Projections

/// Options shared by the warning commands: which day, which part of the district, which rules.
struct WarningOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("as-of"), help: "YYYY-MM-DD; default today in Asia/Shanghai ($DANGJIAN_TODAY). 截至日期")
    var asOf: CalendarDate?

    @Option(help: "Only warnings whose organisation is this one or under it. 只看该组织及下级")
    var org: String?

    @Option(help: ArgumentHelp("A rules file replacing the official defaults (schemas/rules.schema.json). 规则文件", valueName: "file"))
    var rules: String?

    func day() throws -> CalendarDate {
        try asOf ?? Today.fromEnvironment()
    }

    func ruleSet() throws -> RuleSet {
        try rules.map(RuleSet.init(contentsOf:)) ?? .official
    }

    /// The warnings as of the day under --org, in their canonical order, with the
    /// organisations in scope and the keys acknowledged.
    func evaluate(in store: EventStore) throws -> EvaluatedWarnings {
        try EvaluatedWarnings(store: store, day: day(), org: org, rules: ruleSet())
    }
}

/// Warnings as of a day, restricted to a subtree.
struct EvaluatedWarnings {
    let findings: [Finding]
    let acknowledged: Set<String>
    private let store: EventStore
    /// The subtree asked for (`--org`); the whole district is read only when a view needs it.
    private let subtree: [OrganisationSummary]?

    init(store: EventStore, day: CalendarDate, org: String?, rules: RuleSet) throws {
        let all = try WarningEvaluator(rules: rules).evaluate(asOf: day, in: store)
        // Read after the findings: organisations are never removed, so every one they name is here.
        if let org {
            let subtree = try store.snapshot { db in try Organisations.subtree(of: org, in: db) }
            let inScope = Set(subtree.map(\.id))
            findings = all.filter { inScope.contains($0.org) }
            self.subtree = subtree
        } else {
            findings = all
            subtree = nil
        }
        self.store = store
        acknowledged = try Acknowledgements.keys(in: store)
    }

    /// The organisations in scope, for views grouped by street and community.
    func scope() throws -> [OrganisationSummary] {
        try subtree ?? district()
    }

    /// Every organisation: the names of the street and community above a subtree asked for
    /// with `--org` lie outside it.
    func district() throws -> [OrganisationSummary] {
        try store.snapshot { db in try Organisations.subtree(of: nil, in: db) }
    }

    /// The findings nobody has acknowledged.
    var open: [Finding] { findings.filter { !acknowledged.contains($0.key) } }
}
