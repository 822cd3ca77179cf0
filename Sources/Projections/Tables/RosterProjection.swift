import GRDB
import PartyBuilding

/// Every person on the roll as they stand now, and each change to where they belong and
/// what they are, with its date (to answer "who was in this branch on that day").
struct RosterProjection: Projection {
    let name = "roster"
    let version = 2
    let tables = ["roster", "roster_history"]
    let indexes = [
        "CREATE INDEX roster_branch ON roster (branch, member)",
        "CREATE INDEX roster_history_branch ON roster_history (branch, valid_from)",
        "CREATE INDEX roster_history_valid_from ON roster_history (valid_from)",
        // Warnings look for promotions to one status within a window of days.
        "CREATE INDEX roster_history_status ON roster_history (status, valid_from)",
    ]

    func createTables(in db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE roster (
                member TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                branch TEXT NOT NULL,
                grp TEXT,
                status TEXT NOT NULL,          -- applicant, activist, candidate, probationary, full, left
                role TEXT NOT NULL,
                since TEXT NOT NULL,           -- when the current status began
                joined TEXT,                   -- admitted as probationary (or added as probationary/full)
                activist_since TEXT,
                full_since TEXT,
                probation_ends TEXT,
                probation_extended INTEGER NOT NULL DEFAULT 0,
                left_on TEXT,
                leave_reason TEXT,
                talked_on TEXT                 -- the first talk recorded with them as an applicant
            );
            CREATE TABLE roster_history (
                member TEXT NOT NULL,
                seq INTEGER NOT NULL,          -- 1, 2, 3, ... per member, in log order
                valid_from TEXT NOT NULL,      -- the business date of the change
                branch TEXT NOT NULL,
                grp TEXT,
                status TEXT NOT NULL,
                role TEXT NOT NULL,
                probation_ends TEXT,
                PRIMARY KEY (member, seq)
            ) WITHOUT ROWID;
            """)
    }

    func apply(_ event: DomainEvent, mode: ApplyMode, in db: Database) throws {
        switch event {
        case .memberAdded(let added):
            let isMember = added.status == .probationary || added.status == .full
            try db.executeCached(
                sql: """
                    INSERT INTO roster (member, name, branch, grp, status, role, since, joined, activist_since, full_since, probation_ends)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    added.member, added.name, added.branch, added.group, added.status.rawValue, added.role.rawValue,
                    added.since.description, isMember ? added.since.description : nil,
                    added.status == .activist ? added.since.description : nil,
                    added.status == .full ? added.since.description : nil, added.probationEnds?.description,
                ])
            try recordHistory(of: added.member, on: added.since, in: db)
        case .memberPromoted(let promoted):
            let date = promoted.date.description
            try update(promoted.member, on: promoted.date, in: db, sql: """
                UPDATE roster SET status = ?, since = ?,
                    activist_since = CASE WHEN ? = 'activist' THEN ? ELSE activist_since END,
                    joined = CASE WHEN ? = 'probationary' THEN ? ELSE joined END,
                    full_since = CASE WHEN ? = 'full' THEN ? ELSE full_since END,
                    probation_ends = coalesce(?, probation_ends)
                WHERE member = ?
                """, [promoted.to.rawValue, date, promoted.to.rawValue, date, promoted.to.rawValue, date,
                      promoted.to.rawValue, date, promoted.probationEnds?.description, promoted.member])
        case .probationExtended(let extended):
            try update(extended.member, on: extended.date, in: db,
                       sql: "UPDATE roster SET probation_ends = ?, probation_extended = 1 WHERE member = ?",
                       [extended.probationEnds.description, extended.member])
        case .probationCancelled(let cancelled):
            try leave(cancelled.member, on: cancelled.date, reason: LeaveReason.probationCancelled.rawValue, in: db)
        case .memberTransferred(let transfer):
            try update(transfer.member, on: transfer.date, in: db,
                       sql: "UPDATE roster SET branch = ?, grp = ?, role = 'member' WHERE member = ?",
                       [transfer.toBranch, transfer.toGroup, transfer.member])
        case .memberLeft(let left):
            try leave(left.member, on: left.date, reason: left.reason.rawValue, in: db)
        case .memberTalked(let talk):
            // The first talk is the one the applicant-talk rule asks about.
            try db.executeCached(
                sql: "UPDATE roster SET talked_on = coalesce(talked_on, ?) WHERE member = ?",
                arguments: [talk.date.description, talk.member])
        case .memberRoleChanged(let change):
            try update(change.member, on: change.date, in: db,
                       sql: "UPDATE roster SET role = ? WHERE member = ?", [change.role.rawValue, change.member])
        default:
            break
        }
    }

    private func leave(_ member: String, on date: CalendarDate, reason: String, in db: Database) throws {
        try update(member, on: date, in: db,
                   sql: "UPDATE roster SET status = 'left', since = ?, left_on = ?, leave_reason = ? WHERE member = ?",
                   [date.description, date.description, reason, member])
    }

    private func update(_ member: String, on date: CalendarDate, in db: Database, sql: String, _ arguments: StatementArguments) throws {
        try db.executeCached(sql: sql, arguments: arguments)
        try recordHistory(of: member, on: date, in: db)
    }

    /// Appends the member's state after a change to their history.
    private func recordHistory(of member: String, on date: CalendarDate, in db: Database) throws {
        try db.executeCached(
            sql: """
                INSERT INTO roster_history (member, seq, valid_from, branch, grp, status, role, probation_ends)
                SELECT member, (SELECT count(*) + 1 FROM roster_history WHERE member = ?), ?, branch, grp, status, role,
                    probation_ends
                FROM roster WHERE member = ?
                """,
            arguments: [member, date.description, member])
    }
}
