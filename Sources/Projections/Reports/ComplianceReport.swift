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
        var held = Set<String>()
        // By type, then month: the range of each required type is read off an index.
        let types = requirements.map(\.type.rawValue)
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT org, type, month FROM meetings_held
                WHERE type IN (\(types.map { _ in "?" }.joined(separator: ", "))) AND month BETWEEN ? AND ? AND \(filter.sql)
                """,
            arguments: StatementArguments(types) + [period.start.description, period.end.description] + filter.arguments)
        while let row = try rows.next() {
            held.insert(key(row[0], row[1], row[2]))
        }
        let committees = try Dictionary(uniqueKeysWithValues: Row.fetchAll(
            db, sql: "SELECT branch, min(elected_on) FROM committee_elections GROUP BY branch"
        ).map { ($0[0] as String, CalendarDate(parsing: $0[1] as String)!) })

        return scope.organisations.compactMap { org -> ComplianceRow? in
            let judged: MeetingRequirement.Judged
            switch org.kind {
            case OrganisationKind.branch.rawValue: judged = .branches
            case OrganisationKind.group.rawValue: judged = .groups
            default: return nil
            }
            let items = requirements.filter { $0.judged == judged }.compactMap { requirement -> ComplianceRow.Item? in
                let due = period.divided(into: requirement.frequency).filter { part in
                    part.firstDay <= today && org.since <= part.firstDay
                        && (!requirement.needsCommittee || committees[org.id].map { $0 <= part.firstDay } == true)
                }
                guard !due.isEmpty else { return nil }
                let missed = due.filter { part in
                    !part.months.contains { held.contains(key(org.id, requirement.type.rawValue, $0.description)) }
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

    private static func key(_ org: String, _ type: String, _ month: String) -> String {
        org + "\u{1F}" + type + "\u{1F}" + month
    }
}
