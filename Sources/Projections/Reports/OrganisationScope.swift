import GRDB
import PartyBuilding

/// An organisation as reports show it.
public struct OrganisationSummary: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    public var kind: String
    /// Ids from the root, joined by `/`.
    public var path: String
    public var street: String?
    public var community: String?
    /// The branch it lies in: itself for a branch, its parent for a party group.
    public var branch: String?
    public var since: CalendarDate
}

/// Organisations for callers outside this module.
public enum Organisations {
    /// Every organisation under `root` (itself included), or all when `root` is nil, by path.
    /// Throws `ReportError.unknownOrganisation` for an id that does not exist.
    public static func subtree(of root: String?, in db: Database) throws -> [OrganisationSummary] {
        try OrganisationScope(root: root, in: db).organisations
    }
}

/// The organisations a report covers: a subtree, or everything.
struct OrganisationScope {
    let organisations: [OrganisationSummary]

    /// Every organisation under `root` (itself included), or all when `root` is nil, by path.
    init(root: String?, in db: Database) throws {
        var sql = "SELECT id, name, kind, path, street, community, branch, since FROM org_tree"
        var arguments: StatementArguments = []
        if let root {
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM org_tree WHERE id = ?", arguments: [root]) == true else {
                throw ReportError.unknownOrganisation(root)
            }
            sql += " WHERE id IN (SELECT org FROM org_ancestors WHERE ancestor = ?)"
            arguments = [root]
        }
        // By column index (``ColumnReader``): a district has 3,200 organisations, and GRDB looks
        // each column name up again, lower-cased, in every row.
        var organisations: [OrganisationSummary] = []
        try db.forEachRow(sql + " ORDER BY path", arguments: arguments) { row in
            organisations.append(OrganisationSummary(
                id: row.string(0), name: row.string(1), kind: row.string(2), path: row.string(3), street: row.optionalString(4),
                community: row.optionalString(5), branch: row.optionalString(6), since: row.date(7)!))
        }
        self.organisations = organisations
    }

    func ofKind(_ kind: OrganisationKind) -> [OrganisationSummary] {
        organisations.filter { $0.kind == kind.rawValue }
    }

    /// SQL that keeps rows whose `column` names an organisation in scope, with its arguments.
    static func filter(_ column: String, root: String?) -> (sql: String, arguments: StatementArguments) {
        guard let root else { return ("1", []) }
        return ("\(column) IN (SELECT org FROM org_ancestors WHERE ancestor = ?)", [root])
    }
}
