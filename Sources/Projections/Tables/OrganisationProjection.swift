import EventStore
import GRDB
import PartyBuilding

/// The organisation tree with paths, every ancestor of every organisation (for subtree
/// queries), and branch committee elections.
struct OrganisationProjection: Projection {
    let name = "organisations"
    let version = 2
    let tables = ["org_tree", "org_ancestors", "committee_elections"]
    let indexes = [
        // Subtree queries ask for everything under one ancestor.
        "CREATE INDEX org_ancestors_ancestor ON org_ancestors (ancestor, org)",
    ]

    func createTables(in db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE org_tree (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                parent TEXT,
                setting TEXT,
                since TEXT NOT NULL,
                path TEXT NOT NULL,        -- ids from the root, joined by '/'
                depth INTEGER NOT NULL,    -- 0 for a root
                street TEXT,               -- the street it lies in (itself for a street)
                community TEXT,            -- the community it lies in (itself for a community)
                branch TEXT                -- the branch it lies in (itself for a branch, the parent for a group)
            );
            CREATE TABLE org_ancestors (
                org TEXT NOT NULL,
                ancestor TEXT NOT NULL,    -- includes the organisation itself, at distance 0
                distance INTEGER NOT NULL,
                PRIMARY KEY (org, ancestor)    -- a new organisation copies its parent's rows
            ) WITHOUT ROWID;
            CREATE TABLE committee_elections (
                branch TEXT NOT NULL,
                elected_on TEXT NOT NULL,
                term_years INTEGER NOT NULL,
                term_ends TEXT NOT NULL,
                members TEXT NOT NULL,     -- JSON array of member ids
                PRIMARY KEY (branch, elected_on)
            ) WITHOUT ROWID;
            """)
    }

    func apply(_ event: DomainEvent, mode: ApplyMode, in db: Database) throws {
        switch event {
        case .organisationCreated(let created):
            try add(created, in: db)
        case .committeeElected(let election):
            try db.executeCached(
                sql: """
                    INSERT INTO committee_elections (branch, elected_on, term_years, term_ends, members) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (branch, elected_on) DO UPDATE SET term_years = excluded.term_years,
                        term_ends = excluded.term_ends, members = excluded.members
                    """,
                arguments: [
                    election.branch, election.date.description, election.termYears, election.termEnds.description,
                    CanonicalJSON.string(of: .array(election.members.map(JSONValue.string))),
                ])
        default:
            break
        }
    }

    private func add(_ created: OrganisationCreated, in db: Database) throws {
        let parent = try created.parent.flatMap {
            try Row.fetchOne(db, sql: "SELECT path, depth, street, community, branch FROM org_tree WHERE id = ?", arguments: [$0])
        }
        let path = parent.map { ($0["path"] as String) + "/" + created.id } ?? created.id
        let depth = parent.map { ($0["depth"] as Int) + 1 } ?? 0
        let street = created.kind == .street ? created.id : parent?["street"] as String?
        let community = created.kind == .community ? created.id : parent?["community"] as String?
        let branch = created.kind == .branch ? created.id : parent?["branch"] as String?
        try db.executeCached(
            sql: """
                INSERT INTO org_tree (id, name, kind, parent, setting, since, path, depth, street, community, branch)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                created.id, created.name, created.kind.rawValue, created.parent, created.setting?.rawValue,
                created.since.description, path, depth, street, community, branch,
            ])
        try db.executeCached(
            sql: "INSERT INTO org_ancestors (org, ancestor, distance) VALUES (?, ?, 0)",
            arguments: [created.id, created.id])
        if let parentID = created.parent {
            try db.executeCached(
                sql: """
                    INSERT INTO org_ancestors (org, ancestor, distance)
                    SELECT ?, ancestor, distance + 1 FROM org_ancestors WHERE org = ?
                    """,
                arguments: [created.id, parentID])
        }
    }
}
