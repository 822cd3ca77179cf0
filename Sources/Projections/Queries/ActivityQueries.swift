import GRDB
import PartyBuilding

extension AsOfQueries {
    /// Each member's latest month of participation (attended, or on approved leave) on or
    /// before `day`.
    public static func lastParticipation(asOf day: CalendarDate, in db: Database) throws -> [String: YearMonth] {
        let month = day.yearMonth.description
        var result = try monthsByMember(db, sql: "SELECT member, month FROM member_participation")
        // The latest month on record counts as of the day unless it lies after the day's
        // month, or is that month with a first participation after the day; only then is
        // an earlier month looked up.
        for member in try String.fetchAll(
            db, sql: "SELECT member FROM member_participation WHERE month > ?1 OR (month = ?1 AND first_participation > ?2)",
            arguments: [month, day.description]
        ) {
            result[member] = try String.fetchOne(
                db.cachedStatement(sql: """
                    SELECT month FROM attendance_monthly WHERE member = ? AND first_participation IS NOT NULL
                        AND (month < ? OR (month = ? AND first_participation <= ?))
                    ORDER BY month DESC LIMIT 1
                    """),
                arguments: [member, month, month, day.description]
            ).flatMap(YearMonth.init(parsing:))
        }
        return result
    }

    /// Each member's latest month paid for by payments made on or before `day`.
    public static func paidThrough(asOf day: CalendarDate, in db: Database) throws -> [String: YearMonth] {
        var result = try monthsByMember(db, sql: "SELECT member, month FROM dues_paid_through")
        // (No DISTINCT: with it SQLite scans every payment instead of the date index.)
        for member in Set(try String.fetchAll(
            db, sql: "SELECT member FROM dues_payments WHERE paid_on > ?", arguments: [day.description]
        )) {
            result[member] = try String.fetchOne(
                db.cachedStatement(sql: "SELECT max(to_month) FROM dues_payments WHERE member = ? AND paid_on <= ?"),
                arguments: [member, day.description]
            ).flatMap(YearMonth.init(parsing:))
        }
        return result
    }

    /// Each member's study in `year` up to and including `day`, in tenths of an hour.
    public static func studyTenths(year: Int, asOf day: CalendarDate, in db: Database) throws -> [String: Int] {
        var result: [String: Int] = [:]
        try db.forEachRow("SELECT member, hours_tenths FROM study_hours WHERE year = ?", arguments: [year]) { row in
            result[row.string(0)] = row.int(1)
        }
        for row in try Row.fetchAll(
            db,
            sql: "SELECT member, sum(hours_tenths) FROM study_credits WHERE date > ? AND date <= ? GROUP BY member",
            arguments: [day.description, "\(year)-12-31"]
        ) {
            result[row[0] as String, default: 0] -= row[1] as Int
        }
        return result
    }

    private static func monthsByMember(_ db: Database, sql: String) throws -> [String: YearMonth] {
        var result: [String: YearMonth] = [:]
        try db.forEachRow(sql) { row in
            result[row.string(0)] = row.yearMonth(1)
        }
        return result
    }
}
