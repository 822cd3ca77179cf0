import GRDB
import PartyBuilding

/// One member's part in the meetings of a period.
public struct AttendanceRow: Codable, Hashable, Sendable {
    public var member: MemberSummary
    public var period: String
    /// Meetings held for them: their branch's meetings (their group's, for group meetings)
    /// while they were a probationary or full member of it, and committee meetings that list them.
    public var held: Int
    public var attended: Int
    public var onLeave: Int
    /// Held for them, but neither attended nor on approved leave.
    public var absent: Int
    /// attended / held, or nil when nothing was held for them.
    public var rate: Double?
}

public enum AttendanceReport {
    /// A meeting of the period, decoded once (each is looked at for every member of its branch).
    private struct HeldMeeting {
        var id: String
        var type: MeetingType?
        var branch: String
        var group: String?
        var date: CalendarDate
    }

    /// Every member under `root` for whom at least one meeting was held in `period`.
    public static func rows(period: Period, root: String?, in db: Database) throws -> [AttendanceRow] {
        let scope = try MemberScope(root: root, in: db)
        let range: StatementArguments = [period.firstDay.description, period.lastDay.description]
        var byBranch: [String: [HeldMeeting]] = [:]
        let meetings = try Row.fetchCursor(
            db,
            sql: "SELECT meeting, type, branch, grp, date FROM meetings WHERE retracted = 0 AND date BETWEEN ? AND ?",
            arguments: range)
        while let row = try meetings.next() {
            guard let date = CalendarDate(parsing: row[4] as String) else { continue }
            let meeting = HeldMeeting(id: row[0], type: MeetingType(rawValue: row[1]), branch: row[2], group: row[3], date: date)
            byBranch[meeting.branch, default: []].append(meeting)
        }
        var listed: [String: [String: String]] = [:]  // meeting → member → status
        // CROSS JOIN keeps the period's meetings as the outer loop, each then read from the
        // attendance key's prefix: SQLite otherwise picks the attendance table (millions of rows
        // over all history), looking up every row's meeting, ten times slower for a quarter.
        let attendance = try Row.fetchCursor(
            db,
            sql: """
                SELECT a.meeting, a.member, a.status FROM meetings m CROSS JOIN meeting_attendance a ON a.meeting = m.meeting
                WHERE m.retracted = 0 AND m.date BETWEEN ? AND ?
                """,
            arguments: range)
        while let row = try attendance.next() {
            listed[row[0], default: [:]][row[1]] = row[2]
        }

        return scope.members.compactMap { member in
            var tally = (held: 0, attended: 0, onLeave: 0)
            let branches = Set((scope.history[member.id] ?? []).map(\.branch))
            for meeting in branches.sorted().flatMap({ byBranch[$0] ?? [] }) {
                let status = listed[meeting.id]?[member.id]
                guard let standing = scope.standing(of: member.id, on: meeting.date), standing.isPartyMember,
                      standing.branch == meeting.branch else { continue }
                switch meeting.type {
                case .committeeMeeting: guard status != nil else { continue }
                case .groupMeeting: guard status != nil || standing.group == meeting.group else { continue }
                default: break
                }
                tally.held += 1
                if status == "attended" { tally.attended += 1 }
                if status == "leave" { tally.onLeave += 1 }
            }
            guard tally.held > 0 else { return nil }
            return AttendanceRow(
                member: member, period: period.description, held: tally.held, attended: tally.attended,
                onLeave: tally.onLeave, absent: tally.held - tally.attended - tally.onLeave,
                rate: Double(tally.attended) / Double(tally.held))
        }
    }
}
