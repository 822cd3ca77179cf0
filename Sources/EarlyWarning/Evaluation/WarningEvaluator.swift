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
        try findings(of: rules.rules, asOf: day, in: db).sorted(by: Finding.precedes)
    }

    /// Every finding, the rules about organisations' meetings and those about members
    /// evaluated at the same time on two connections over the same state of the log (each
    /// half is about half the work on a district). The result equals `evaluate(asOf:in:)`'s.
    public func evaluate(asOf day: CalendarDate, in store: EventStore) throws -> [Finding] {
        let meetingRules = rules.rules.filter(\.isMeetingFrequency)
        let otherRules = rules.rules.filter { !$0.isMeetingFrequency }
        let (meetings, others) = try store.parallelSnapshots(
            { db in try findings(of: meetingRules, asOf: day, in: db) },
            { db in try findings(of: otherRules, asOf: day, in: db) })
        return (meetings + others).sorted(by: Finding.precedes)
    }

    private func findings(of rules: [Rule], asOf day: CalendarDate, in db: Database) throws -> [Finding] {
        let context = EvaluationContext(day: day, db: db)
        var findings: [Finding] = []
        for rule in rules where rule.enabled {
            let found: [Finding]
            switch rule.check {
            case .meetingFrequency(let parameters): found = try MeetingFrequencyCheck(rule: rule, parameters: parameters).findings(context)
            case .participationGap(let thresholds): found = try ParticipationGapCheck(rule: rule, thresholds: thresholds).findings(context)
            case .duesArrears(let thresholds): found = try DuesArrearsCheck(rule: rule, thresholds: thresholds).findings(context)
            case .studyHours(let parameters): found = try StudyHoursCheck(rule: rule, parameters: parameters).findings(context)
            case .probationDue(let window): found = try ProbationDueCheck(rule: rule, window: window).findings(context)
            case .committeeTerm(let window): found = try CommitteeTermCheck(rule: rule, window: window).findings(context)
            case .branchStructure(let parameters): found = try BranchStructureCheck(rule: rule, parameters: parameters).findings(context)
            case .activistDuration(let parameters): found = try ActivistDurationCheck(rule: rule, parameters: parameters).findings(context)
            case .applicantTalk(let parameters): found = try ApplicantTalkCheck(rule: rule, parameters: parameters).findings(context)
            }
            findings += found
        }
        return findings
    }
}

extension Rule {
    var isMeetingFrequency: Bool {
        if case .meetingFrequency = check { return true }
        return false
    }
}
