import GRDB
import PartyBuilding

/// The meeting ledger (corrections applied, retractions flagged), who was listed at each
/// meeting, attendance per member per month, each member's latest month of participation,
/// and meetings held per organisation, type and month (the compliance matrix is read from
/// the last).
///
/// The aggregate tables are pure functions of the ledger: inside an append only the rows
/// a meeting touches are recomputed; a rebuild works them all out from the meeting events
/// (``MeetingTotals``). Both ways give the same rows.
struct MeetingProjection: Projection {
    let name = "meetings"
    let version = 3
    let tables = ["meetings", "meeting_attendance", "attendance_monthly", "member_participation", "meetings_held"]
    let indexes = [
        "CREATE INDEX meetings_org ON meetings (org, type, month)",
        "CREATE INDEX meetings_branch_date ON meetings (branch, date)",
        "CREATE INDEX meeting_attendance_member ON meeting_attendance (member, month)",
        // Warnings read one meeting type over a window of months, and what was held after a day.
        "CREATE INDEX meetings_held_type ON meetings_held (type, month, held)",
        "CREATE INDEX meetings_type_date ON meetings (type, date)",
    ]

    func createTables(in db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE meetings (
                meeting TEXT PRIMARY KEY,
                type TEXT NOT NULL,
                branch TEXT NOT NULL,
                grp TEXT,
                org TEXT NOT NULL,            -- who the meeting counts for: the group of a group meeting, else the branch
                date TEXT NOT NULL,
                month TEXT NOT NULL,
                topic TEXT NOT NULL,
                place TEXT,
                host TEXT,
                recorder TEXT,
                lecturer TEXT,
                guests TEXT,
                attended INTEGER NOT NULL,
                absent INTEGER NOT NULL,
                on_leave INTEGER NOT NULL,
                late_reason TEXT,
                corrections INTEGER NOT NULL DEFAULT 0,
                retracted INTEGER NOT NULL DEFAULT 0,
                retract_reason TEXT
            );
            CREATE TABLE meeting_attendance (
                meeting TEXT NOT NULL,
                member TEXT NOT NULL,
                month TEXT NOT NULL,
                status TEXT NOT NULL,         -- attended, absent, leave
                reason TEXT,                  -- why on leave
                PRIMARY KEY (meeting, member)
            ) WITHOUT ROWID;
            CREATE TABLE attendance_monthly (
                member TEXT NOT NULL,
                month TEXT NOT NULL,
                attended INTEGER NOT NULL,
                on_leave INTEGER NOT NULL,
                absent INTEGER NOT NULL,
                first_participation TEXT,     -- earliest day attended or on leave in the month
                PRIMARY KEY (member, month)
            ) WITHOUT ROWID;
            -- The latest month each member attended or was on approved leave: warnings read
            -- this instead of scanning years of attendance.
            CREATE TABLE member_participation (
                member TEXT PRIMARY KEY,
                month TEXT NOT NULL,
                first_participation TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE meetings_held (
                org TEXT NOT NULL,
                type TEXT NOT NULL,
                month TEXT NOT NULL,
                held INTEGER NOT NULL,
                PRIMARY KEY (org, type, month)
            ) WITHOUT ROWID;
            """)
    }

    func apply(_ event: DomainEvent, mode: ApplyMode, in db: Database) throws {
        let meeting: String
        var before = Keys()
        switch event {
        case .meetingLogged(let logged):
            try write(logged.record, of: logged.meeting, lateReason: logged.lateReason, corrections: 0, in: db)
            if mode == .live { try count(logged.record, in: db) }
            return
        case .meetingCorrected(let correction):
            meeting = correction.meeting
            guard let old = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT late_reason, corrections FROM meetings WHERE meeting = ?"), arguments: [meeting])
            else { return }
            if mode == .live { before = try keys(of: meeting, in: db) }
            try db.executeCached(sql: "DELETE FROM meeting_attendance WHERE meeting = ?", arguments: [meeting])
            try write(correction.record, of: meeting, lateReason: old["late_reason"], corrections: (old["corrections"] as Int) + 1, in: db)
        case .meetingRetracted(let retraction):
            meeting = retraction.meeting
            try db.executeCached(sql: "UPDATE meetings SET retracted = 1, retract_reason = ? WHERE meeting = ?", arguments: [retraction.reason, meeting])
        default:
            return
        }
        if mode == .live {
            try refresh(before.union(try keys(of: meeting, in: db)), in: db)
        }
    }

    /// A rebuild works the totals out from the events: see ``MeetingTotals``.
    func makeReplayTotals() -> (any ReplayTotals)? {
        MeetingTotals()
    }

    /// Writes (or overwrites) the ledger row and attendance rows of one meeting.
    private func write(_ record: MeetingRecord, of meeting: String, lateReason: String?, corrections: Int, in db: Database) throws {
        let org = Self.organisation(of: record)
        let month = record.date.yearMonth.description
        try db.executeCached(
            sql: """
                INSERT OR REPLACE INTO meetings (meeting, type, branch, grp, org, date, month, topic, place, host, recorder,
                    lecturer, guests, attended, absent, on_leave, late_reason, corrections)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                meeting, record.type.rawValue, record.branch, record.group, org, record.date.description, month,
                record.topic, record.place, record.host, record.recorder, record.lecturer, record.guests,
                record.attendees.count, record.absentees.count, record.onLeave.count, lateReason, corrections,
            ])
        // One statement per list, not per person: a district logs three million attendances.
        let listed = try db.cachedStatement(sql: """
            INSERT INTO meeting_attendance (meeting, member, month, status, reason)
            SELECT ?1, value, ?2, ?3, NULL FROM json_each(?4)
            """)
        try listed.execute(arguments: [meeting, month, "attended", JSONIDs.array(record.attendees)])
        try listed.execute(arguments: [meeting, month, "absent", JSONIDs.array(record.absentees)])
        let leave = try db.cachedStatement(sql: "INSERT INTO meeting_attendance (meeting, member, month, status, reason) VALUES (?, ?, ?, 'leave', ?)")
        for entry in record.onLeave { try leave.execute(arguments: [meeting, entry.member, month, entry.reason]) }
    }

    /// Adds a new meeting to the monthly rows it feeds. A new meeting only adds to them, so
    /// upserts do here what `refresh` would recompute: ~3 statements per listed person
    /// instead of ~6 queries over the ledger (meetings are a quarter of a district's events).
    private func count(_ record: MeetingRecord, in db: Database) throws {
        let month = record.date.yearMonth.description
        let day = record.date.description
        try db.executeCached(
            sql: """
                INSERT INTO meetings_held (org, type, month, held) VALUES (?, ?, ?, 1)
                ON CONFLICT (org, type, month) DO UPDATE SET held = held + 1
                """,
            arguments: [Self.organisation(of: record), record.type.rawValue, month])
        let attendance = try db.cachedStatement(sql: """
            INSERT INTO attendance_monthly (member, month, attended, on_leave, absent, first_participation)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT (member, month) DO UPDATE SET attended = attended + ?3, on_leave = on_leave + ?4, absent = absent + ?5,
                first_participation = coalesce(min(first_participation, ?6), first_participation, ?6)
            """)
        // The latest month of participation, and its first day: a later month replaces the
        // row, the same month may only bring the first day earlier.
        let participation = try db.cachedStatement(sql: """
            INSERT INTO member_participation (member, month, first_participation) VALUES (?1, ?2, ?3)
            ON CONFLICT (member) DO UPDATE SET
                first_participation = CASE WHEN ?2 > month THEN ?3 ELSE min(first_participation, ?3) END,
                month = ?2
            WHERE ?2 >= month
            """)
        func add(_ member: String, attended: Int, onLeave: Int, absent: Int) throws {
            let participated = attended + onLeave > 0
            try attendance.execute(arguments: [member, month, attended, onLeave, absent, participated ? day : nil])
            if participated { try participation.execute(arguments: [member, month, day]) }
        }
        for member in record.attendees { try add(member, attended: 1, onLeave: 0, absent: 0) }
        for member in record.absentees { try add(member, attended: 0, onLeave: 0, absent: 1) }
        for leave in record.onLeave { try add(leave.member, attended: 0, onLeave: 1, absent: 0) }
    }

    /// Who a meeting counts for: the group of a group meeting, else the branch.
    static func organisation(of record: MeetingRecord) -> String {
        record.type == .groupMeeting ? (record.group ?? record.branch) : record.branch
    }

    /// The monthly rows a meeting feeds: its organisation's count for its type and month,
    /// and the attendance of everyone it lists in that month.
    private struct Keys {
        var held: Set<[String]> = []
        var attendance: Set<[String]> = []

        func union(_ other: Keys) -> Keys {
            Keys(held: held.union(other.held), attendance: attendance.union(other.attendance))
        }
    }

    private func keys(of meeting: String, in db: Database) throws -> Keys {
        var keys = Keys()
        guard let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT org, type, month FROM meetings WHERE meeting = ?"), arguments: [meeting]
        ) else {
            return keys
        }
        let month: String = row["month"]
        keys.held.insert([row["org"], row["type"], month])
        for member in try String.fetchAll(
            db.cachedStatement(sql: "SELECT member FROM meeting_attendance WHERE meeting = ?"), arguments: [meeting]
        ) {
            keys.attendance.insert([member, month])
        }
        return keys
    }

    /// Recomputes the given monthly rows from the ledger.
    private func refresh(_ keys: Keys, in db: Database) throws {
        for key in keys.held {
            let arguments: StatementArguments = [key[0], key[1], key[2]]
            try db.executeCached(sql: "DELETE FROM meetings_held WHERE org = ? AND type = ? AND month = ?", arguments: arguments)
            try db.executeCached(sql: """
                INSERT INTO meetings_held (org, type, month, held)
                SELECT org, type, month, count(*) FROM meetings WHERE org = ? AND type = ? AND month = ? AND retracted = 0
                GROUP BY org, type, month
                """, arguments: arguments)
        }
        for key in keys.attendance {
            let arguments: StatementArguments = [key[0], key[1]]
            try db.executeCached(sql: "DELETE FROM attendance_monthly WHERE member = ? AND month = ?", arguments: arguments)
            try db.executeCached(sql: """
                INSERT INTO attendance_monthly (member, month, attended, on_leave, absent, first_participation)
                SELECT a.member, a.month, sum(a.status = 'attended'), sum(a.status = 'leave'), sum(a.status = 'absent'),
                    min(CASE WHEN a.status IN ('attended', 'leave') THEN m.date END)
                FROM meeting_attendance a JOIN meetings m ON m.meeting = a.meeting
                WHERE a.member = ? AND a.month = ? AND m.retracted = 0 GROUP BY a.member, a.month
                """, arguments: arguments)
        }
        for member in Set(keys.attendance.map { $0[0] }) {
            try db.executeCached(sql: "DELETE FROM member_participation WHERE member = ?", arguments: [member])
            try db.executeCached(sql: """
                INSERT INTO member_participation (member, month, first_participation)
                SELECT member, month, first_participation FROM attendance_monthly
                WHERE member = ? AND first_participation IS NOT NULL ORDER BY month DESC LIMIT 1
                """, arguments: [member])
        }
    }
}
