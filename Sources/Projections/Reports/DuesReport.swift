import GRDB
import PartyBuilding

/// One member's dues as of a day.
public struct DuesRow: Codable, Hashable, Sendable {
    public var member: MemberSummary
    /// The latest month paid for by payments made on or before the day, or nil.
    public var paidThrough: YearMonth?
    /// Whole months after the last paid-up month (or the month before joining) and before
    /// the month of the day.
    public var monthsInArrears: Int
}

public enum DuesReport {
    /// Every probationary or full member on `asOf` whose current branch is under `root`.
    public static func rows(asOf: CalendarDate, root: String?, in db: Database) throws -> [DuesRow] {
        let scope = try MemberScope(root: root, in: db)
        let paid = try Dictionary(uniqueKeysWithValues: Row.fetchAll(
            db, sql: "SELECT member, max(to_month) FROM dues_payments WHERE paid_on <= ? GROUP BY member",
            arguments: [asOf.description]
        ).map { ($0[0] as String, YearMonth(parsing: $0[1] as String)!) })
        return scope.members.compactMap { member in
            guard scope.standing(of: member.id, on: asOf)?.isPartyMember == true, let joined = member.joined else { return nil }
            let paidThrough = paid[member.id]
            let settled = max(paidThrough?.index ?? Int.min, joined.yearMonth.index - 1)
            return DuesRow(member: member, paidThrough: paidThrough, monthsInArrears: max(0, asOf.yearMonth.index - settled - 1))
        }
    }
}
