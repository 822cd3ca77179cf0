import GRDB
import PartyBuilding

/// A person as they stood on a given day.
public struct MemberStandingAsOf: Hashable, Sendable {
    public var id: String
    public var name: String
    public var branch: String
    public var group: String?
    public var status: MemberStatus
    public var role: MemberRole
    /// When the status they had that day began.
    public var statusSince: CalendarDate
    /// Admitted as probationary (or added as probationary or full).
    public var joined: CalendarDate?
    public var activistSince: CalendarDate?
    public var probationEnds: CalendarDate?
    /// Their first recorded talk as an applicant, if it was on or before the day.
    public var talkedOn: CalendarDate?

    public var isPartyMember: Bool { status == .probationary || status == .full }
}

/// Queries "as of a day" over the query tables, for rules that judge a past or present day.
///
/// Each reads the current tables and recomputes only the rows that something dated after
/// the day has changed, so its cost follows the size of the district, not the length of its
/// history.
public enum AsOfQueries {
    /// Everyone on the roll on `day` (any status but left): by id when `sortedByID`, else in
    /// the order stored, which reads the table straight through instead of seeking each row
    /// from the key's index (on a district, half the time the warnings spend on members).
    public static func members(asOf day: CalendarDate, sortedByID: Bool = true, in db: Database) throws -> [MemberStandingAsOf] {
        // (No DISTINCT: with it SQLite scans the whole history instead of the date index.)
        let changedLater = Set(try String.fetchAll(
            db, sql: "SELECT member FROM roster_history WHERE valid_from > ?", arguments: [day.description]))
        var members: [MemberStandingAsOf] = []
        members.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM roster") ?? 0)
        try db.forEachRow("""
            SELECT member, name, branch, grp, status, role, since, joined, activist_since, probation_ends, talked_on
            FROM roster WHERE status != 'left' OR member IN (SELECT member FROM roster_history WHERE valid_from > ?)
            \(sortedByID ? "ORDER BY member" : "")
            """, arguments: [day.description]
        ) { row in
            guard let status = MemberStatus(rawValue: row.string(4)), let role = MemberRole(rawValue: row.string(5)),
                  let since = row.date(6) else {
                throw DatabaseError(message: "roster holds an unknown status, role or date: run `dangjian rebuild`")
            }
            let id = row.string(0)
            var standing = MemberStandingAsOf(
                id: id, name: row.string(1), branch: row.string(2), group: row.optionalString(3), status: status, role: role,
                statusSince: since, joined: row.date(7), activistSince: row.date(8), probationEnds: row.date(9),
                talkedOn: row.date(10).flatMap { $0 <= day ? $0 : nil })
            if changedLater.contains(id) {
                guard let past = try history(of: id, on: day, in: db) else { return }
                standing.branch = past.branch
                standing.group = past.group
                standing.status = past.status
                standing.role = past.role
                standing.statusSince = past.statusSince
                standing.probationEnds = past.probationEnds
            }
            guard standing.status != .left else { return }
            members.append(standing)
        }
        return members
    }

    /// Where a member stood on `day` according to their history, or nil before they were added.
    private static func history(of member: String, on day: CalendarDate, in db: Database)
        throws -> (branch: String, group: String?, status: MemberStatus, role: MemberRole, statusSince: CalendarDate, probationEnds: CalendarDate?)?
    {
        let rows = try Row.fetchAll(
            db,
            sql: "SELECT valid_from, branch, grp, status, role, probation_ends FROM roster_history WHERE member = ? AND valid_from <= ? ORDER BY seq",
            arguments: [member, day.description])
        guard let last = rows.last else { return nil }
        let status: String = last["status"]
        // The status began at the first row of the last run of rows with that status.
        let run = rows.reversed().prefix { ($0["status"] as String) == status }
        return (last["branch"], last["grp"], MemberStatus(rawValue: status)!, MemberRole(rawValue: last["role"])!,
                date(run.last!["valid_from"])!, date(last["probation_ends"]))
    }

    static func date(_ text: String?) -> CalendarDate? {
        text.flatMap(CalendarDate.init(parsing:))
    }
}
