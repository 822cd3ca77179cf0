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
    /// Everyone on the roll on `day` (any status but left), by id.
    public static func members(asOf day: CalendarDate, in db: Database) throws -> [MemberStandingAsOf] {
        let changedLater = Set(try String.fetchAll(
            db, sql: "SELECT DISTINCT member FROM roster_history WHERE valid_from > ?", arguments: [day.description]))
        var members: [MemberStandingAsOf] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT member, name, branch, grp, status, role, since, joined, activist_since, probation_ends, talked_on
            FROM roster ORDER BY member
            """) {
            let id: String = row["member"]
            var standing = MemberStandingAsOf(
                id: id, name: row["name"], branch: row["branch"], group: row["grp"],
                status: MemberStatus(rawValue: row["status"])!, role: MemberRole(rawValue: row["role"])!,
                statusSince: date(row["since"])!, joined: date(row["joined"]), activistSince: date(row["activist_since"]),
                probationEnds: date(row["probation_ends"]), talkedOn: date(row["talked_on"]).flatMap { $0 <= day ? $0 : nil })
            if changedLater.contains(id) {
                guard let past = try history(of: id, on: day, in: db) else { continue }
                standing.branch = past.branch
                standing.group = past.group
                standing.status = past.status
                standing.role = past.role
                standing.statusSince = past.statusSince
                standing.probationEnds = past.probationEnds
            }
            guard standing.status != .left else { continue }
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
