import GRDB
import PartyBuilding

/// Counts for one street or community: where an operator should look first.
public struct SummaryRow: Codable, Hashable, Sendable {
    public var org: OrganisationSummary
    public var period: String
    public var branches: Int
    /// Probationary and full members whose branch lies in it.
    public var members: Int
    /// Required meetings held / required, over all its branches and groups; nil when none was required.
    public var complianceRate: Double?
    /// Branches whose worst open warning is red, and yellow, on the period's last day (or
    /// today, if sooner); filled in by the caller that evaluates warnings.
    public var redBranches: Int?
    public var yellowBranches: Int?
}

public enum SummaryReport {
    /// One row per street and community under `root`, by path.
    public static func rows(
        period: Period, root: String?, requirements: [MeetingRequirement], today: CalendarDate, in db: Database
    ) throws -> [SummaryRow] {
        let scope = try OrganisationScope(root: root, in: db)
        let compliance = try ComplianceReport.rows(period: period, root: root, requirements: requirements, today: today, in: db)
        let filter = OrganisationScope.filter("r.branch", root: root)
        let membersByBranch = try Dictionary(uniqueKeysWithValues: Row.fetchAll(
            db,
            sql: "SELECT branch, count(*) FROM roster r WHERE status IN ('probationary', 'full') AND \(filter.sql) GROUP BY branch",
            arguments: filter.arguments
        ).map { ($0[0] as String, $0[1] as Int) })
        let areas = scope.organisations.filter { $0.kind == OrganisationKind.street.rawValue || $0.kind == OrganisationKind.community.rawValue }
        return areas.map { area in
            let inside = { (org: OrganisationSummary) in org.id != area.id && (org.street == area.id || org.community == area.id) }
            let branches = scope.ofKind(.branch).filter(inside)
            let judged = compliance.filter { inside($0.org) }
            let required = judged.reduce(0) { $0 + $1.required }
            let held = judged.reduce(0) { $0 + $1.held }
            return SummaryRow(
                org: area, period: period.description, branches: branches.count,
                members: branches.reduce(0) { $0 + (membersByBranch[$1.id] ?? 0) },
                complianceRate: required == 0 ? nil : Double(held) / Double(required))
        }
    }
}
