import GRDB
import PartyBuilding

/// Required meetings against meetings held, per branch (and party group), for one period.
public struct ComplianceRow: Codable, Hashable, Sendable {
    public struct Item: Codable, Hashable, Sendable {
        public var type: MeetingType
        public var frequency: Frequency
        /// How many of the period's months, quarters or years required this meeting.
        public var required: Int
        /// How many of those held at least one.
        public var held: Int
        /// The ones that held none, e.g. `["2026-02"]`.
        public var missed: [String]
    }

    public var org: OrganisationSummary
    public var period: String
    public var items: [Item]
    public var required: Int
    public var held: Int
    /// held / required, or nil when nothing was required.
    public var rate: Double?
}

public enum ComplianceReport {
    /// One row per branch and party group under `root`, by path.
    ///
    /// A meeting is required in each month, quarter or year of `period` (as its frequency
    /// says) that has begun by `today`, if the organisation existed on its first day — and,
    /// for committee meetings, the branch had elected a committee by then. It counts as held
    /// when at least one meeting of that type, not retracted, took place in it.
    public static func rows(
        period: Period, root: String?, requirements: [MeetingRequirement], today: CalendarDate, in db: Database
    ) throws -> [ComplianceRow] {
        let scope = try OrganisationScope(root: root, in: db)
        let filter = OrganisationScope.filter("org", root: root)
        var held = Set<HeldKey>()
        // By type, then month: the range of each required type is read off an index.
        let types = requirements.map(\.type.rawValue)
        try db.forEachRow(
            """
            SELECT org, type, month FROM meetings_held
            WHERE type IN (\(types.map { _ in "?" }.joined(separator: ", "))) AND month BETWEEN ? AND ? AND \(filter.sql)
            """,
            arguments: StatementArguments(types) + [period.start.description, period.end.description] + filter.arguments
        ) { row in
            guard let month = row.yearMonth(2) else { return }
            held.insert(HeldKey(org: row.string(0), type: row.string(1), month: month.index))
        }
        let committees = try Dictionary(uniqueKeysWithValues: Row.fetchAll(
            db, sql: "SELECT branch, min(elected_on) FROM committee_elections GROUP BY branch"
        ).map { ($0[0] as String, CalendarDate(parsing: $0[1] as String)!) })

        // The periods each requirement divides the report's period into (the same for every organisation).
        let parts = requirements.map { period.divided(into: $0.frequency).filter { $0.firstDay <= today } }
        return scope.organisations.compactMap { org -> ComplianceRow? in
            let judged: MeetingRequirement.Judged
            switch org.kind {
            case OrganisationKind.branch.rawValue: judged = .branches
            case OrganisationKind.group.rawValue: judged = .groups
            default: return nil
            }
            let items = zip(requirements, parts).filter { $0.0.judged == judged }.compactMap { requirement, parts -> ComplianceRow.Item? in
                let due = parts.filter { part in
                    org.since <= part.firstDay
                        && (!requirement.needsCommittee || committees[org.id].map { $0 <= part.firstDay } == true)
                }
                guard !due.isEmpty else { return nil }
                let missed = due.filter { part in
                    !(part.start.index...part.end.index).contains {
                        held.contains(HeldKey(org: org.id, type: requirement.type.rawValue, month: $0))
                    }
                }
                return ComplianceRow.Item(
                    type: requirement.type, frequency: requirement.frequency, required: due.count,
                    held: due.count - missed.count, missed: missed.map(\.description))
            }
            let required = items.reduce(0) { $0 + $1.required }
            let heldCount = items.reduce(0) { $0 + $1.held }
            return ComplianceRow(
                org: org, period: period.description, items: items, required: required, held: heldCount,
                rate: required == 0 ? nil : Double(heldCount) / Double(required))
        }
    }

    /// A month in which an organisation held a meeting of a type (``YearMonth/index``).
    private struct HeldKey: Hashable {
        var org: String
        var type: String
        var month: Int
    }
}
