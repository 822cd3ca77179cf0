import PartyBuilding
import Projections

/// Whole calendar months since a member's last good month, judged against thresholds: how
/// participation gaps and dues arrears drift toward 自行脱党.
struct MonthlyDrift {
    let rule: Rule
    let thresholds: Rule.MonthThresholds

    /// For each party member, `lastGood` gives their last good month (or nil), by their
    /// place in the roll; the month they joined (participation) or the month before (dues)
    /// is the floor. `message` is told the gap and the last good month on record (nil when
    /// only the floor counts).
    func findings(
        _ context: EvaluationContext, lastGood: [YearMonth?], floorOffset: Int,
        message: (MemberStandingAsOf, Int, YearMonth?) -> (zh: String, en: String)
    ) throws -> [Finding] {
        let month = context.month
        let members = try context.members()
        return members.indices.compactMap { position in
            let member = members[position]
            guard member.isPartyMember, let joined = member.joined else { return nil }
            let floor = YearMonth(index: joined.yearMonth.index + floorOffset)
            let recorded = lastGood[position].flatMap { $0 >= floor ? $0 : nil }
            let last = recorded ?? floor
            let gap = month.index - last.index - 1
            let severity: Severity
            let threshold: Int
            if gap >= thresholds.redMonths {
                (severity, threshold) = (.red, thresholds.redMonths)
            } else if gap >= thresholds.yellowMonths {
                (severity, threshold) = (.yellow, thresholds.yellowMonths)
            } else {
                return nil
            }
            let text = message(member, gap, recorded)
            return rule.finding(
                severity, org: member.branch, subject: member.id, period: month.description,
                since: YearMonth(index: last.index + threshold + 1).firstDay, zh: text.zh, en: text.en)
        }
    }
}

/// DOMAIN.md, "participation gap": months after the last month attended or on approved
/// leave (or the month joined) and before the month of the day.
struct ParticipationGapCheck {
    let rule: Rule
    let thresholds: Rule.MonthThresholds

    func findings(_ context: EvaluationContext) throws -> [Finding] {
        try MonthlyDrift(rule: rule, thresholds: thresholds).findings(
            context, lastGood: AsOfQueries.lastParticipation(asOf: context.day, among: context.memberLookup(), in: context.db), floorOffset: 0
        ) { member, gap, last in
            let since = last.map { ("最近一次：\($0)", "last: \($0)") } ?? ("入党以来未参加", "none since joining")
            return ("\(member.name) 已连续 \(gap) 个月未参加组织生活（\(since.0)）",
                    "\(member.name) has not taken part in organisational life for \(gap) months (\(since.1))")
        }
    }
}

/// DOMAIN.md, "dues arrears": months after the last paid-up month (or the month before
/// joining) and before the month of the day.
struct DuesArrearsCheck {
    let rule: Rule
    let thresholds: Rule.MonthThresholds

    func findings(_ context: EvaluationContext) throws -> [Finding] {
        try MonthlyDrift(rule: rule, thresholds: thresholds).findings(
            context, lastGood: AsOfQueries.paidThrough(asOf: context.day, among: context.memberLookup(), in: context.db), floorOffset: -1
        ) { member, gap, last in
            let since = last.map { ("交至 \($0)", "paid through \($0)") } ?? ("入党以来未交", "nothing paid since joining")
            return ("\(member.name) 已欠缴党费 \(gap) 个月（\(since.0)）",
                    "\(member.name) is \(gap) months behind with dues (\(since.1))")
        }
    }
}
