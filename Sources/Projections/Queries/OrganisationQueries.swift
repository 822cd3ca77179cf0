import GRDB
import PartyBuilding

/// An organisation as rules see it.
public struct OrganisationFacts: Hashable, Sendable {
    public var id: String
    public var name: String
    public var kind: OrganisationKind
    public var parent: String?
    public var setting: BranchSetting?
    public var since: CalendarDate
    public var street: String?
    public var community: String?
}

/// A branch committee's latest election on or before a day.
public struct CommitteeTerm: Hashable, Sendable {
    public var branch: String
    public var electedOn: CalendarDate
    public var termEnds: CalendarDate
    public var size: Int
    /// The branch's first election: it has had a committee since.
    public var firstElectedOn: CalendarDate
}

extension AsOfQueries {
    /// Every organisation created on or before `day`, by id.
    public static func organisations(asOf day: CalendarDate, in db: Database) throws -> [OrganisationFacts] {
        var organisations: [OrganisationFacts] = []
        try db.forEachRow(
            "SELECT id, name, kind, parent, setting, since, street, community FROM org_tree WHERE since <= ? ORDER BY id",
            arguments: [day.description]
        ) { row in
            guard let kind = OrganisationKind(rawValue: row.string(2)), let since = row.date(5) else {
                throw DatabaseError(message: "org_tree holds an unknown kind or date: run `dangjian rebuild`")
            }
            organisations.append(OrganisationFacts(
                id: row.string(0), name: row.string(1), kind: kind, parent: row.optionalString(3),
                setting: row.optionalString(4).flatMap(BranchSetting.init(rawValue:)), since: since,
                street: row.optionalString(6), community: row.optionalString(7)))
        }
        return organisations
    }

    /// Each branch's committee as of `day`.
    public static func committees(asOf day: CalendarDate, in db: Database) throws -> [String: CommitteeTerm] {
        var result: [String: CommitteeTerm] = [:]
        for row in try Row.fetchAll(
            db,
            sql: "SELECT branch, elected_on, term_ends, json_array_length(members) FROM committee_elections WHERE elected_on <= ? ORDER BY branch, elected_on",
            arguments: [day.description]
        ) {
            let branch: String = row[0]
            let elected = date(row[1])!
            result[branch] = CommitteeTerm(
                branch: branch, electedOn: elected, termEnds: date(row[2])!, size: row[3],
                firstElectedOn: result[branch]?.firstElectedOn ?? elected)
        }
        return result
    }

    /// For each of `organisations` (by id), the periods of `frequency` from the one holding
    /// `first` through the one holding `last` in which it held a `type` meeting dated on or
    /// before `day`. Retracted meetings do not count.
    ///
    /// Read from the monthly totals (one row per organisation and month that held one), less
    /// the meetings dated after the day: one indexed range per meeting type instead of one
    /// lookup per organisation and period.
    public static func periodsWithMeeting(
        _ type: MeetingType, _ frequency: Frequency, from first: YearMonth, through last: YearMonth,
        asOf day: CalendarDate, among organisations: IDLookup, in db: Database
    ) throws -> HeldPeriods {
        let range: StatementArguments = [type.rawValue, first.description, last.description]
        /// Meetings dated after the day, by organisation position and month.
        var heldLater: [Int: [Int: Int]] = [:]
        try db.forEachRow(
            "SELECT org, month FROM meetings WHERE type = ? AND month BETWEEN ? AND ? AND date > ? AND retracted = 0",
            arguments: range + [day.description]
        ) { row in
            guard let month = row.yearMonth(1), let position = row.position(0, in: organisations) else { return }
            heldLater[position, default: [:]][month.index, default: 0] += 1
        }
        var periods = HeldPeriods(frequency, from: first, through: last, organisations: organisations.count)
        try db.forEachRow("SELECT org, month, held FROM meetings_held WHERE type = ? AND month BETWEEN ? AND ?", arguments: range) { row in
            guard let month = row.yearMonth(1), let position = row.position(0, in: organisations) else { return }
            if row.int(2) > heldLater[position]?[month.index] ?? 0 {
                periods.markHeld(byOrganisationAt: position, in: month)
            }
        }
        return periods
    }

    /// Promotions from activist to candidate dated between `from` and `to`, with the day
    /// each became an activist. (`+p.status` keeps SQLite on the member's own rows rather
    /// than every activist's.)
    public static func candidatePromotions(from: CalendarDate, to: CalendarDate, in db: Database)
        throws -> [(member: String, promotedOn: CalendarDate, activistSince: CalendarDate)]
    {
        try Row.fetchAll(
            db,
            sql: """
                SELECT h.member, h.valid_from, (
                    SELECT min(p.valid_from) FROM roster_history p WHERE p.member = h.member AND p.seq < h.seq AND +p.status = 'activist'
                ) AS activist_since
                FROM roster_history h
                WHERE h.status = 'candidate' AND h.valid_from BETWEEN ? AND ?
                    AND (SELECT status FROM roster_history p WHERE p.member = h.member AND p.seq = h.seq - 1) = 'activist'
                ORDER BY h.member
                """,
            arguments: [from.description, to.description]
        ).compactMap { row in
            guard let activist = date(row["activist_since"]) else { return nil }
            return (row["member"], date(row["valid_from"])!, activist)
        }
    }
}
