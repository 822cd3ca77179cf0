import GRDB
import PartyBuilding

/// A member as reports show them.
public struct MemberSummary: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    public var branch: String
    public var group: String?
    public var status: MemberStatus
    public var role: MemberRole
    /// Admitted as probationary (or added as probationary or full).
    public var joined: CalendarDate?
    public var leftOn: CalendarDate?
}

/// Where a member stood from a given day on.
struct MemberStanding: Hashable, Sendable {
    var validFrom: CalendarDate
    var branch: String
    var group: String?
    var status: MemberStatus
    var role: MemberRole

    var isPartyMember: Bool { status == .probationary || status == .full }
}

/// The members a report covers, with their history.
struct MemberScope {
    let members: [MemberSummary]
    /// Each member's standings in log order.
    let history: [String: [MemberStanding]]

    /// Everyone whose current branch is under `root` (or everyone), by branch then id.
    init(root: String?, in db: Database) throws {
        let filter = OrganisationScope.filter("r.branch", root: root)
        members = try Row.fetchAll(
            db,
            sql: """
                SELECT member, name, branch, grp, status, role, joined, left_on FROM roster r
                WHERE \(filter.sql) ORDER BY branch, member
                """,
            arguments: filter.arguments
        ).map { row in
            // Columns by index: a district has tens of thousands of rows (by name costs a
            // case-insensitive lookup per column).
            MemberSummary(
                id: row[0], name: row[1], branch: row[2], group: row[3],
                status: MemberStatus(rawValue: row[4])!, role: MemberRole(rawValue: row[5])!,
                joined: (row[6] as String?).flatMap(CalendarDate.init(parsing:)),
                leftOn: (row[7] as String?).flatMap(CalendarDate.init(parsing:)))
        }
        var history: [String: [MemberStanding]] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT h.member, h.valid_from, h.branch, h.grp, h.status, h.role FROM roster_history h
                JOIN roster r ON r.member = h.member WHERE \(filter.sql) ORDER BY h.member, h.seq
                """,
            arguments: filter.arguments
        ) {
            history[row[0], default: []].append(MemberStanding(
                validFrom: CalendarDate(parsing: row[1] as String)!, branch: row[2], group: row[3],
                status: MemberStatus(rawValue: row[4])!, role: MemberRole(rawValue: row[5])!))
        }
        self.history = history
    }

    /// Where `member` stood on `date`: the last change dated on or before it.
    func standing(of member: String, on date: CalendarDate) -> MemberStanding? {
        history[member]?.last { $0.validFrom <= date }
    }
}

/// Whole calendar months of membership.
public enum MembershipMonths {
    /// The whole months of `year` from the first whole month after joining (the joining
    /// month itself when joined on its first day) through December, or through the last
    /// whole month before leaving.
    public static func inYear(_ year: Int, joined: CalendarDate?, left: CalendarDate?) -> Int {
        guard let joined else { return 0 }
        let firstWhole = joined.day == 1 ? joined.yearMonth.index : joined.yearMonth.index + 1
        var lastWhole = YearMonth(year: year, month: 12)!.index
        if let left {
            // The month they left in is not whole.
            lastWhole = min(lastWhole, left.yearMonth.index - 1)
        }
        let first = max(firstWhole, YearMonth(year: year, month: 1)!.index)
        return max(0, lastWhole - first + 1)
    }
}
