import GRDB
import PartyBuilding

/// `meetings_held`, `attendance_monthly` and `member_participation` for a rebuild, worked
/// out from the meeting events (``ReplayTotals``): the same rows `MeetingProjection.refresh`
/// keeps inside appends.
///
/// In a district's rebuild the three GROUP BY queries over 2.7 million attendance rows took
/// about 4.7 s of the writer's time after the replay; noting each meeting's latest record
/// costs the writer one dictionary entry per meeting event, and the sums are made on the
/// otherwise idle core.
final class MeetingTotals: ReplayTotals, @unchecked Sendable {
    /// What the totals need of a meeting's latest record (not its topic, place and the
    /// like: a district has a quarter of a million meetings), and whether it was retracted.
    private struct Meeting {
        var org: BytewiseText
        var type: MeetingType
        var date: CalendarDate
        var attendees: [String]
        var absentees: [String]
        var onLeave: [String]
        var retracted = false

        init(_ record: MeetingRecord) {
            org = BytewiseText(MeetingProjection.organisation(of: record))
            type = record.type
            date = record.date
            attendees = record.attendees
            absentees = record.absentees
            onLeave = record.onLeave.map(\.member)
        }
    }

    // Ids are keyed by their bytes, as the tables key them.
    private struct HeldKey: Hashable {
        var org: BytewiseText
        var type: String
        var month: String
    }

    private struct AttendanceKey: Hashable {
        var member: BytewiseText
        var month: String
    }

    /// One member's listings in one month's meetings.
    private struct Tally {
        var attended = 0
        var onLeave = 0
        var absent = 0
        /// The earliest day attended or on leave.
        var firstParticipation: CalendarDate?

        mutating func attend(on date: CalendarDate) {
            attended += 1
            firstParticipation = min(firstParticipation ?? date, date)
        }

        mutating func takeLeave(on date: CalendarDate) {
            onLeave += 1
            firstParticipation = min(firstParticipation ?? date, date)
        }
    }

    private var meetings: [BytewiseText: Meeting] = [:]
    private var held: [(HeldKey, Int)] = []
    private var attendance: [(AttendanceKey, Tally)] = []

    func observe(_ event: DomainEvent) {
        switch event {
        case .meetingLogged(let logged):
            meetings[BytewiseText(logged.meeting)] = Meeting(logged.record)
        case .meetingCorrected(let correction):
            // A correction of an unknown meeting changes nothing; one of a known meeting
            // replaces its ledger row whole, which clears `retracted` as the ledger's
            // `INSERT OR REPLACE` does.
            let meeting = BytewiseText(correction.meeting)
            if meetings[meeting] != nil {
                meetings[meeting] = Meeting(correction.record)
            }
        case .meetingRetracted(let retraction):
            meetings[BytewiseText(retraction.meeting)]?.retracted = true
        default:
            break
        }
    }

    func compute() {
        var heldCounts: [HeldKey: Int] = [:]
        var tallies: [AttendanceKey: Tally] = [:]
        for meeting in meetings.values where !meeting.retracted {
            let month = meeting.date.yearMonth.description
            heldCounts[HeldKey(org: meeting.org, type: meeting.type.rawValue, month: month), default: 0] += 1
            for member in meeting.attendees {
                tallies[AttendanceKey(member: BytewiseText(member), month: month), default: Tally()].attend(on: meeting.date)
            }
            for member in meeting.absentees {
                tallies[AttendanceKey(member: BytewiseText(member), month: month), default: Tally()].absent += 1
            }
            for member in meeting.onLeave {
                tallies[AttendanceKey(member: BytewiseText(member), month: month), default: Tally()].takeLeave(on: meeting.date)
            }
        }
        meetings = [:]
        // In key order, so that each insert lands at the end of its table.
        held = heldCounts.sorted { ($0.key.org, $0.key.type, $0.key.month) < ($1.key.org, $1.key.type, $1.key.month) }
        attendance = tallies.sorted { ($0.key.member, $0.key.month) < ($1.key.member, $1.key.month) }
    }

    func insert(in db: Database) throws {
        let held = try RowInserter("INSERT INTO meetings_held (org, type, month, held) VALUES (?, ?, ?, ?)", in: db)
        for (key, count) in self.held {
            try held.insert(.text(key.org.text), .text(key.type), .text(key.month), .integer(count))
        }
        let attendance = try RowInserter("""
            INSERT INTO attendance_monthly (member, month, attended, on_leave, absent, first_participation)
            VALUES (?, ?, ?, ?, ?, ?)
            """, in: db)
        let participation = try RowInserter(
            "INSERT INTO member_participation (member, month, first_participation) VALUES (?, ?, ?)", in: db)
        // Each member's latest month with a participation: the rows come by member, then month.
        var latest: (key: AttendanceKey, day: CalendarDate)?
        func insertLatest() throws {
            guard let (key, day) = latest else { return }
            try participation.insert(.text(key.member.text), .text(key.month), .text(day.description))
        }
        for (key, tally) in self.attendance {
            try attendance.insert(
                .text(key.member.text), .text(key.month), .integer(tally.attended), .integer(tally.onLeave), .integer(tally.absent),
                tally.firstParticipation.map { .text($0.description) } ?? .null)
            if let previous = latest, previous.key.member != key.member {
                try insertLatest()
                latest = nil
            }
            if let day = tally.firstParticipation { latest = (key, day) }
        }
        try insertLatest()
    }
}
