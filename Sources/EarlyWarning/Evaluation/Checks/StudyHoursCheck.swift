import PartyBuilding
import Projections

/// DOMAIN.md, "study hours": red for the last completed year when a member's hours fell
/// below the target pro-rated by the whole months of that year they were a member; yellow
/// in the current year from the given month while below that year's pro-rated target.
struct StudyHoursCheck {
    let rule: Rule
    let parameters: Rule.StudyHours

    func findings(_ context: EvaluationContext) throws -> [Finding] {
        let day = context.day
        let lastYear = day.year - 1
        var findings = try shortfalls(in: lastYear, context).map { member, done, target in
            rule.finding(
                .red, org: member.branch, subject: member.id, period: String(lastYear),
                since: CalendarDate(year: day.year, month: 1, day: 1),
                zh: "\(member.name) \(lastYear) 年学习 \(Self.hours(done)) 学时，未达到应学 \(Self.hours(target)) 学时",
                en: "\(member.name) studied \(Self.hours(done)) of the \(Self.hours(target)) hours due in \(lastYear)")
        }
        if day.month >= parameters.yellowFromMonth {
            findings += try shortfalls(in: day.year, context).map { member, done, target in
                rule.finding(
                    .yellow, org: member.branch, subject: member.id, period: String(day.year),
                    since: CalendarDate(year: day.year, month: parameters.yellowFromMonth, day: 1),
                    zh: "\(member.name) \(day.year) 年已学 \(Self.hours(done)) 学时，距应学 \(Self.hours(target)) 学时尚差 \(Self.hours(target - done))",
                    en: "\(member.name) has studied \(Self.hours(done)) of the \(Self.hours(target)) hours due in \(day.year); \(Self.hours(target - done)) to go")
            }
        }
        return findings
    }

    /// Party members below their pro-rated target for `year`, with hours done and due (tenths).
    private func shortfalls(in year: Int, _ context: EvaluationContext) throws -> [(MemberStandingAsOf, Int, Int)] {
        let done = try AsOfQueries.studyTenths(year: year, asOf: context.day, among: context.memberLookup(), in: context.db)
        let members = try context.members()
        return members.indices.compactMap { position in
            let member = members[position]
            guard member.isPartyMember else { return nil }
            let months = MembershipMonths.inYear(year, joined: member.joined, left: nil)
            guard months > 0 else { return nil }
            let target = parameters.target.targetTenths(role: member.role, months: months)
            return done[position] < target ? (member, done[position], target) : nil
        }
    }

    static func hours(_ tenths: Int) -> String {
        tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }
}
