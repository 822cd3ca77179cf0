import PartyBuilding

/// What the simulator did, in the terms the rules judge: kept as it goes (never read back
/// from the store), so the warnings it expects are computed independently of the query
/// tables and the evaluator.
struct Ledger {
    struct MemberYear: Hashable {
        let member: String
        let year: Int
    }

    struct MeetingSlot: Hashable {
        let org: String
        let type: MeetingType
    }

    /// Months with at least one meeting that counts (logged, not retracted), per organisation and type.
    var meetingMonths: [MeetingSlot: Set<Int>] = [:]
    /// Each member's latest month attended or on approved leave (`YearMonth.index`).
    var lastParticipation: [String: Int] = [:]
    var studyTenths: [MemberYear: Int] = [:]
    var talkedOn: [String: CalendarDate] = [:]
    var firstElection: [String: CalendarDate] = [:]
    /// Activist → candidate promotions: member, day, activist since.
    var candidatePromotions: [(member: String, date: CalendarDate, activistSince: CalendarDate)] = []

    mutating func meetingHeld(_ record: MeetingRecord) {
        meetingMonths[MeetingSlot(org: record.group ?? record.branch, type: record.type), default: []].insert(record.date.yearMonth.index)
        for member in record.attendees + record.onLeave.map(\.member) {
            lastParticipation[member] = max(lastParticipation[member] ?? Int.min, record.date.yearMonth.index)
        }
    }

    func held(_ type: MeetingType, by org: String, in period: SimulationPeriod) -> Bool {
        guard let months = meetingMonths[MeetingSlot(org: org, type: type)] else { return false }
        return period.months.contains { months.contains($0) }
    }

    mutating func studied(_ members: [String], tenths: Int, on date: CalendarDate) {
        for member in members {
            studyTenths[MemberYear(member: member, year: date.year), default: 0] += tenths
        }
    }
}
