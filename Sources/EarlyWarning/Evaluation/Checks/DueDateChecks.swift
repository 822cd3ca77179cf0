import PartyBuilding
import Projections

/// Yellow from `reminderDays` before a due date through the date itself, red after it.
struct DueDate {
    let reminderDays: Int

    /// The severity on `day` for something due on `due`, with the day that began, or nil
    /// when it is not yet within the reminder window.
    func judge(_ due: CalendarDate, on day: CalendarDate) -> (Severity, CalendarDate)? {
        if day > due { return (.red, due.adding(days: 1)) }
        let reminderStart = due.adding(days: -reminderDays)
        return day >= reminderStart ? (.yellow, reminderStart) : nil
    }
}

/// DOMAIN.md, "probation": it ends on the anniversary of admission, later by any extension;
/// yellow in the last days before, red once past with no decision recorded.
struct ProbationDueCheck {
    let rule: Rule
    let window: Rule.DayWindow

    func findings(_ context: EvaluationContext) throws -> [Finding] {
        try context.members().compactMap { member in
            guard member.status == .probationary, let end = member.probationEnds,
                  let (severity, since) = DueDate(reminderDays: window.reminderDays).judge(end, on: context.day) else { return nil }
            return rule.finding(
                severity, org: member.branch, subject: member.id, period: context.month.description, since: since,
                zh: severity == .red
                    ? "\(member.name) 预备期已于 \(end) 届满，尚未讨论转正、延长或取消"
                    : "\(member.name) 预备期将于 \(end) 届满，请及时讨论转正",
                en: severity == .red
                    ? "\(member.name)'s probation ended on \(end) and no decision (full membership, extension or cancellation) is recorded"
                    : "\(member.name)'s probation ends on \(end): prepare the branch's decision")
        }
    }
}

/// DOMAIN.md, "committee term": it ends on the election date plus the term; yellow in the
/// last days before, red once past with no new election recorded.
struct CommitteeTermCheck {
    let rule: Rule
    let window: Rule.DayWindow

    func findings(_ context: EvaluationContext) throws -> [Finding] {
        try context.committees().values.sorted { $0.branch < $1.branch }.compactMap { term in
            guard let (severity, since) = DueDate(reminderDays: window.reminderDays).judge(term.termEnds, on: context.day) else { return nil }
            let name = try context.name(ofOrganisation: term.branch)
            return rule.finding(
                severity, org: term.branch, period: context.month.description, since: since,
                zh: severity == .red
                    ? "\(name) 支部委员会任期已于 \(term.termEnds) 届满（\(term.electedOn) 选举），尚未换届"
                    : "\(name) 支部委员会任期将于 \(term.termEnds) 届满，请准备换届",
                en: severity == .red
                    ? "\(name)'s committee term ended on \(term.termEnds) (elected \(term.electedOn)) and no new election is recorded"
                    : "\(name)'s committee term ends on \(term.termEnds): prepare the election")
        }
    }
}

/// 发展党员工作细则: the branch talks with an applicant within a month of the application;
/// yellow in the last days before, red once past with no talk recorded.
struct ApplicantTalkCheck {
    let rule: Rule
    let parameters: Rule.ApplicantTalk

    func findings(_ context: EvaluationContext) throws -> [Finding] {
        try context.members().compactMap { member in
            guard member.status == .applicant, member.talkedOn == nil else { return nil }
            let due = member.statusSince.adding(months: parameters.withinMonths)
            guard let (severity, since) = DueDate(reminderDays: parameters.reminderDays).judge(due, on: context.day) else { return nil }
            return rule.finding(
                severity, org: member.branch, subject: member.id, period: context.month.description, since: since,
                zh: "\(member.name) \(member.statusSince) 递交入党申请，应于 \(due) 前谈话，尚无谈话记录",
                en: "\(member.name) applied on \(member.statusSince); the talk is due by \(due) and none is recorded")
        }
    }
}
