import PartyBuilding
import Projections

/// Traffic lights per street and community: how many of its branches are red, yellow or
/// green (a branch shows its worst open warning, its groups' and members' included), and
/// how many open warnings each rule raised.
public struct WarningSummaryRow: Codable, Hashable, Sendable {
    public var org: OrganisationSummary
    public var branches: Int
    public var red: Int
    public var yellow: Int
    public var green: Int
    /// Open warnings per rule id.
    public var byRule: [String: Int]
}

public enum WarningSummary {
    /// One row per street and community in `areas`, from the open `findings`.
    public static func rows(areas: [OrganisationSummary], branches: [OrganisationSummary], groupBranches: [String: String], findings: [Finding]) -> [WarningSummaryRow] {
        var worst: [String: Severity] = [:]
        var byBranch: [String: [Finding]] = [:]
        for finding in findings {
            let branch = groupBranches[finding.org] ?? finding.org
            byBranch[branch, default: []].append(finding)
            worst[branch] = min(worst[branch] ?? finding.severity, finding.severity)
        }
        return areas.filter { $0.kind == OrganisationKind.street.rawValue || $0.kind == OrganisationKind.community.rawValue }.map { area in
            let inside = branches.filter { $0.street == area.id || $0.community == area.id }
            var row = WarningSummaryRow(org: area, branches: inside.count, red: 0, yellow: 0, green: 0, byRule: [:])
            for branch in inside {
                switch worst[branch.id] {
                case .red: row.red += 1
                case .yellow: row.yellow += 1
                case nil: row.green += 1
                }
                for finding in byBranch[branch.id] ?? [] { row.byRule[finding.rule, default: 0] += 1 }
            }
            return row
        }
    }
}
