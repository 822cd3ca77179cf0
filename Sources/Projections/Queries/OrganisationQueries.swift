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
        try Row.fetchAll(
            db,
            sql: "SELECT id, name, kind, parent, setting, since, street, community FROM org_tree WHERE since <= ? ORDER BY id",
            arguments: [day.description]
        ).map { row in
            OrganisationFacts(
                id: row["id"], name: row["name"], kind: OrganisationKind(rawValue: row["kind"])!, parent: row["parent"],
                setting: (row["setting"] as String?).flatMap(BranchSetting.init(rawValue:)), since: date(row["since"])!,
                street: row["street"], community: row["community"])
        }
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

    /// The organisations of `kind` that existed on `period`'s first day (and, when asked,
    /// had elected a committee by then) but held no `type` meeting in it on or before `day`.
    /// Retracted meetings do not count.
    public static func organisationsWithoutMeeting(
        _ type: MeetingType, kind: OrganisationKind, in period: Period, needsCommittee: Bool, asOf day: CalendarDate, in db: Database
    ) throws -> [String] {
        let committee = needsCommittee
            ? "AND EXISTS (SELECT 1 FROM committee_elections c WHERE c.branch = o.id AND c.elected_on <= :first)" : ""
        return try String.fetchAll(
            db,
            sql: """
                SELECT o.id FROM org_tree o
                WHERE o.kind = :kind AND o.since <= :first \(committee)
                AND NOT EXISTS (
                    SELECT 1 FROM meetings m WHERE m.org = o.id AND m.type = :type AND m.month BETWEEN :from AND :to
                        AND m.date <= :day AND m.retracted = 0)
                ORDER BY o.id
                """,
            arguments: [
                "kind": kind.rawValue, "first": period.firstDay.description, "type": type.rawValue,
                "from": period.start.description, "to": period.end.description, "day": day.description,
            ])
    }

    /// Promotions from activist to candidate dated between `from` and `to`, with the day
    /// each became an activist.
    public static func candidatePromotions(from: CalendarDate, to: CalendarDate, in db: Database)
        throws -> [(member: String, promotedOn: CalendarDate, activistSince: CalendarDate)]
    {
        try Row.fetchAll(
            db,
            sql: """
                SELECT h.member, h.valid_from, (
                    SELECT min(p.valid_from) FROM roster_history p WHERE p.member = h.member AND p.status = 'activist' AND p.seq < h.seq
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
