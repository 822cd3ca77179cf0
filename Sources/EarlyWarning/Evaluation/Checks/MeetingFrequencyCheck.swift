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
        var completed: [Period] = []
        var period = current.previous
        while period.lastDay >= day.adding(days: -parameters.lookBackDays) {
            completed.append(period)
            period = period.previous
        }
        let held = try AsOfQueries.periodsWithMeeting(
            parameters.meetingType, parameters.frequency, from: (completed.last ?? current).start, through: current.end,
            asOf: day, in: context.db)
        let judged = try context.organisations(ofKind: parameters.judged == .groups ? .group : .branch)
        let committees = parameters.needsCommittee ? try context.committees() : [:]
        /// Those that existed on the period's first day (with a committee elected by then,
        /// when one is needed) and held no such meeting in it.
        func missing(in period: Period) -> [OrganisationFacts] {
            judged.filter { org in
                org.since <= period.firstDay
                    && (!parameters.needsCommittee || committees[org.id].map { $0.firstElectedOn <= period.firstDay } == true)
                    && !held.contains(AsOfQueries.OrganisationPeriod(org: org.id, start: period.start.index))
            }
        }
        var findings: [Finding] = []
        for period in completed {
            for org in missing(in: period) {
                findings.append(rule.finding(
                    .red, org: org.id, period: period.description, since: period.lastDay.adding(days: 1),
                    zh: "\(org.name) \(period) 未召开\(parameters.meetingType.label.zh)",
                    en: "\(org.name) held no \(parameters.meetingType.label.en) in \(period)"))
            }
        }
        let daysLeft = day.days(until: current.lastDay)
        if daysLeft <= parameters.reminderDays {
            for org in missing(in: current) {
                findings.append(rule.finding(
                    .yellow, org: org.id, period: current.description,
                    since: max(current.firstDay, current.lastDay.adding(days: -parameters.reminderDays)),
                    zh: "\(org.name) \(current) 尚未召开\(parameters.meetingType.label.zh)，还剩 \(daysLeft) 天",
                    en: "\(org.name) has held no \(parameters.meetingType.label.en) in \(current) yet; \(daysLeft) days left"))
            }
        }
        return findings
    }
}
