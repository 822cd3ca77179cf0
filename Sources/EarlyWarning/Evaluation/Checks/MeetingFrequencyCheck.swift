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
        let kind: OrganisationKind = parameters.judged == .groups ? .group : .branch
        let judged = try context.organisations(ofKind: kind)
        let held = try AsOfQueries.periodsWithMeeting(
            parameters.meetingType, parameters.frequency, from: (completed.last ?? current).start, through: current.end,
            asOf: day, among: context.organisationLookup(ofKind: kind), in: context.db)
        let committees = parameters.needsCommittee ? try context.committees() : [:]
        let daysLeft = day.days(until: current.lastDay)
        let remind = daysLeft <= parameters.reminderDays
        var findings: [Finding] = []
        for (position, org) in judged.enumerated() {
            let committeeSince = committees[org.id]?.firstElectedOn
            /// It existed on the period's first day (with a committee elected by then, when one
            /// is needed) and held no such meeting in it.
            func missed(_ period: Period) -> Bool {
                org.since <= period.firstDay
                    && (!parameters.needsCommittee || committeeSince.map { $0 <= period.firstDay } == true)
                    && !held.held(byOrganisationAt: position, in: period.start)
            }
            for period in completed where missed(period) {
                findings.append(rule.finding(
                    .red, org: org.id, period: period.description, since: period.lastDay.adding(days: 1),
                    zh: "\(org.name) \(period) 未召开\(parameters.meetingType.label.zh)",
                    en: "\(org.name) held no \(parameters.meetingType.label.en) in \(period)"))
            }
            if remind && missed(current) {
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
