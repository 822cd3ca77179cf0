import GRDB
import PartyBuilding

/// Facts about members as of a day, each for the members of a lookup (by their place in it):
/// the rules walk the roll by place instead of looking each member up by id.
extension AsOfQueries {
    /// Each member's latest month of participation (attended, or on approved leave) on or
    /// before `day`.
    public static func lastParticipation(asOf day: CalendarDate, among members: IDLookup, in db: Database) throws -> [YearMonth?] {
        let month = day.yearMonth.description
        var result = try monthsByMember(members, db, sql: "SELECT member, month FROM member_participation")
        // The latest month on record counts as of the day unless it lies after the day's
        // month, or is that month with a first participation after the day; only then is
        // an earlier month looked up.
        try db.forEachRow(
            "SELECT member FROM member_participation WHERE month > ?1 OR (month = ?1 AND first_participation > ?2)",
            arguments: [month, day.description]
        ) { row in
            guard let position = row.position(0, in: members) else { return }
            result[position] = try String.fetchOne(
                db.cachedStatement(sql: """
                    SELECT month FROM attendance_monthly WHERE member = ? AND first_participation IS NOT NULL
                        AND (month < ? OR (month = ? AND first_participation <= ?))
                    ORDER BY month DESC LIMIT 1
                    """),
                arguments: [row.string(0), month, month, day.description]
            ).flatMap(YearMonth.init(parsing:))
        }
        return result
    }

    /// Each member's latest month paid for by payments made on or before `day`.
    public static func paidThrough(asOf day: CalendarDate, among members: IDLookup, in db: Database) throws -> [YearMonth?] {
        var result = try monthsByMember(members, db, sql: "SELECT member, month FROM dues_paid_through")
        // (No DISTINCT: with it SQLite scans every payment instead of the date index.)
        var redone = Set<Int>()
        try db.forEachRow("SELECT member FROM dues_payments WHERE paid_on > ?", arguments: [day.description]) { row in
            guard let position = row.position(0, in: members), redone.insert(position).inserted else { return }
            result[position] = try String.fetchOne(
                db.cachedStatement(sql: "SELECT max(to_month) FROM dues_payments WHERE member = ? AND paid_on <= ?"),
                arguments: [row.string(0), day.description]
            ).flatMap(YearMonth.init(parsing:))
        }
        return result
    }

    /// Each member's study in `year` up to and including `day`, in tenths of an hour.
    public static func studyTenths(year: Int, asOf day: CalendarDate, among members: IDLookup, in db: Database) throws -> [Int] {
        var result = Array(repeating: 0, count: members.count)
        try db.forEachRow("SELECT member, hours_tenths FROM study_hours WHERE year = ?", arguments: [year]) { row in
            if let position = row.position(0, in: members) { result[position] = row.int(1) }
        }
        try db.forEachRow(
            "SELECT member, sum(hours_tenths) FROM study_credits WHERE date > ? AND date <= ? GROUP BY member",
            arguments: [day.description, "\(year)-12-31"]
        ) { row in
            if let position = row.position(0, in: members) { result[position] -= row.int(1) }
        }
        return result
    }

    /// A table keyed by member, read in key order.
    private static func monthsByMember(_ members: IDLookup, _ db: Database, sql: String) throws -> [YearMonth?] {
        var result = [YearMonth?](repeating: nil, count: members.count)
        var cursor = IDLookup.Cursor()
        try db.forEachRow(sql) { row in
            if let position = row.position(0, in: members, from: &cursor) { result[position] = row.yearMonth(1) }
        }
        return result
    }
}
