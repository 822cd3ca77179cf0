import PartyBuilding
import Projections

/// A meeting type required each month, quarter or year (DOMAIN.md, "meeting frequency").
///
/// Red for every completed period within the look-back window in which an organisation
/// that existed for the whole of it held no such meeting; yellow for the current period
/// once no more than the reminder window of it is left.
struct MeetingFrequencyCheck {
    let rule: Rule
    let parameters: Rule.MeetingFrequency

    func findings(_ context: EvaluationContext) throws -> [Finding] {
        let day = context.day
        let current = Period(parameters.frequency, containing: day.yearMonth)
        var findings: [Finding] = []
        var period = current.previous
        while period.lastDay >= day.adding(days: -parameters.lookBackDays) {
            for org in try missing(in: period, context) {
                let name = try context.name(ofOrganisation: org)
                findings.append(rule.finding(
                    .red, org: org, period: period.description, since: period.lastDay.adding(days: 1),
                    zh: "\(name) \(period) 未召开\(parameters.meetingType.label.zh)",
                    en: "\(name) held no \(parameters.meetingType.label.en) in \(period)"))
            }
            period = period.previous
        }
        let daysLeft = day.days(until: current.lastDay)
        if daysLeft <= parameters.reminderDays {
            for org in try missing(in: current, context) {
                let name = try context.name(ofOrganisation: org)
                findings.append(rule.finding(
                    .yellow, org: org, period: current.description,
                    since: max(current.firstDay, current.lastDay.adding(days: -parameters.reminderDays)),
                    zh: "\(name) \(current) 尚未召开\(parameters.meetingType.label.zh)，还剩 \(daysLeft) 天",
                    en: "\(name) has held no \(parameters.meetingType.label.en) in \(current) yet; \(daysLeft) days left"))
            }
        }
        return findings
    }

    private func missing(in period: Period, _ context: EvaluationContext) throws -> [String] {
        try AsOfQueries.organisationsWithoutMeeting(
            parameters.meetingType, kind: parameters.judged == .groups ? .group : .branch, in: period,
            needsCommittee: parameters.needsCommittee, asOf: context.day, in: context.db)
    }
}
