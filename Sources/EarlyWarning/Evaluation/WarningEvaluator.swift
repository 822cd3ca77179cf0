import EventStore
import GRDB
import PartyBuilding

/// Evaluates the rules in force as of a day: a pure function of the query tables and the
/// day, so the same store and day always give the same warnings, in the same order.
public struct WarningEvaluator: Sendable {
    public let rules: RuleSet

    public init(rules: RuleSet) {
        self.rules = rules
    }

    /// Every finding in one read transaction.
    public func evaluate(asOf day: CalendarDate, in db: Database) throws -> [Finding] {
        let context = EvaluationContext(facts: SharedFacts(day: day), db: db)
        return try enabledRules.flatMap { try findings(of: $0, context) }.sorted(by: Finding.precedes)
    }

    /// Every finding, with two workers on two connections over the same state of the log,
    /// each taking the next rule not yet taken (on a district the rules cost from a few to
    /// a hundred milliseconds each) and sharing the facts either loads. The result equals
    /// `evaluate(asOf:in:)`'s.
    public func evaluate(asOf day: CalendarDate, in store: EventStore) throws -> [Finding] {
        let rules = enabledRules
        let (first, second) = try store.parallelSnapshots {
            let work = SharedWork(rules: rules, facts: SharedFacts(day: day))
            return ({ db in try work.run(in: db, evaluate: findings) }, { db in try work.run(in: db, evaluate: findings) })
        }
        // In the rules' order, as one worker would have found them, before the sort.
        var all = zip(first, second).flatMap { $0 ?? $1 ?? [] }
        all.sort(by: Finding.precedes)
        return all
    }

    private var enabledRules: [Rule] { rules.rules.filter(\.enabled) }

    private func findings(of rule: Rule, _ context: EvaluationContext) throws -> [Finding] {
        switch rule.check {
        case .meetingFrequency(let parameters): try MeetingFrequencyCheck(rule: rule, parameters: parameters).findings(context)
        case .participationGap(let thresholds): try ParticipationGapCheck(rule: rule, thresholds: thresholds).findings(context)
        case .duesArrears(let thresholds): try DuesArrearsCheck(rule: rule, thresholds: thresholds).findings(context)
        case .studyHours(let parameters): try StudyHoursCheck(rule: rule, parameters: parameters).findings(context)
        case .probationDue(let window): try ProbationDueCheck(rule: rule, window: window).findings(context)
        case .committeeTerm(let window): try CommitteeTermCheck(rule: rule, window: window).findings(context)
        case .branchStructure(let parameters): try BranchStructureCheck(rule: rule, parameters: parameters).findings(context)
        case .activistDuration(let parameters): try ActivistDurationCheck(rule: rule, parameters: parameters).findings(context)
        case .applicantTalk(let parameters): try ApplicantTalkCheck(rule: rule, parameters: parameters).findings(context)
        }
    }
}
