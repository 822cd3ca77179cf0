import GRDB
import PartyBuilding

/// Study sessions, each member's credit from each session (dated, for "as of" questions),
/// and study hours per member per year (kept current inside an append, computed once after
/// a rebuild).
struct StudyProjection: Projection {
    let name = "study"
    let version = 2
    let tables = ["study_sessions", "study_credits", "study_hours"]
    let indexes = [
        // One year's hours of everyone, without reading every year's.
        "CREATE INDEX study_hours_year ON study_hours (year, hours_tenths)",
    ]

    func createTables(in db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE study_sessions (
                session TEXT PRIMARY KEY,
                date TEXT NOT NULL,
                hours_tenths INTEGER NOT NULL,  -- per member, in tenths of an hour
                kind TEXT NOT NULL,
                course TEXT NOT NULL,
                members INTEGER NOT NULL
            );
            CREATE TABLE study_credits (
                member TEXT NOT NULL,
                session TEXT NOT NULL,
                date TEXT NOT NULL,
                hours_tenths INTEGER NOT NULL,
                PRIMARY KEY (member, session)
            ) WITHOUT ROWID;
            -- Dates arrive in log order: kept during a replay, this index grows at its end,
            -- cheaper than sorting a million credits after it.
            CREATE INDEX study_credits_date ON study_credits (date);
            CREATE TABLE study_hours (
                member TEXT NOT NULL,
                year INTEGER NOT NULL,
                hours_tenths INTEGER NOT NULL,
                sessions INTEGER NOT NULL,
                PRIMARY KEY (member, year)
            ) WITHOUT ROWID;
            """)
    }

    func apply(_ event: DomainEvent, mode: ApplyMode, in db: Database) throws {
        guard case .studyLogged(let study) = event else { return }
        try db.executeCached(
            sql: "INSERT INTO study_sessions (session, date, hours_tenths, kind, course, members) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [study.session, study.date.description, study.hoursTenths, study.kind.rawValue, study.course, study.members.count])
        // One statement for the session's members (a district records a million credits).
        try db.executeCached(
            sql: "INSERT INTO study_credits (member, session, date, hours_tenths) SELECT value, ?, ?, ? FROM json_each(?)",
            arguments: [study.session, study.date.description, study.hoursTenths, JSONIDs.array(study.members)])
        guard mode == .live else { return }
        let total = try db.cachedStatement(sql: """
            INSERT INTO study_hours (member, year, hours_tenths, sessions) VALUES (?, ?, ?, 1)
            ON CONFLICT (member, year) DO UPDATE SET hours_tenths = hours_tenths + excluded.hours_tenths, sessions = sessions + 1
            """)
        for member in study.members {
            try total.execute(arguments: [member, study.date.year, study.hoursTenths])
        }
    }

    /// A rebuild works the totals out from the events: see ``StudyTotals``.
    func makeReplayTotals() -> (any ReplayTotals)? {
        StudyTotals()
    }
}
