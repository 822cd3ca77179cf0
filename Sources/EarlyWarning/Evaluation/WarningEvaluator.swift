import GRDB
import PartyBuilding

/// Evaluates the rules in force as of a day: a pure function of the query tables and the
/// day, so the same store and day always give the same warnings, in the same order.
public struct WarningEvaluator: Sendable {
    public let rules: RuleSet

    public init(rules: RuleSet) {
        self.rules = rules
    }

    public func evaluate(asOf day: CalendarDate, in db: Database) throws -> [Finding] {
        let context = EvaluationContext(day: day, db: db)
        var findings: [Finding] = []
        for rule in rules.rules where rule.enabled {
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
        return findings.sorted(by: Finding.precedes)
    }
}
