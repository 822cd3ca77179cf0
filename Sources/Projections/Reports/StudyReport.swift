import GRDB
import PartyBuilding

/// The study-hours target (DOMAIN.md, study-hours): per member per year, higher for branch
/// leaders, pro-rated by whole months of membership.
public struct StudyTarget: Codable, Hashable, Sendable {
    public var hours: Int
    public var leaderHours: Int

    public init(hours: Int, leaderHours: Int) {
        self.hours = hours
        self.leaderHours = leaderHours
    }

    public static let official = StudyTarget(hours: 32, leaderHours: 56)

    /// The pro-rated target in tenths of an hour.
    public func targetTenths(role: MemberRole, months: Int) -> Int {
        let yearly = role == .member ? hours : leaderHours
        return yearly * 10 * months / 12
    }
}

/// One member's study hours in a year against their target.
public struct StudyRow: Codable, Hashable, Sendable {
    public var member: MemberSummary
    public var year: Int
    /// Whole calendar months of the year they were a member.
    public var months: Int
    public var hours: Double
    public var target: Double
    public var met: Bool
}

public enum StudyReport {
    /// Every probationary or full member (and anyone who left during `year`) under `root`.
    public static func rows(year: Int, root: String?, target: StudyTarget, in db: Database) throws -> [StudyRow] {
        let scope = try MemberScope(root: root, in: db)
        let hours = try Dictionary(uniqueKeysWithValues: Row.fetchAll(
            db, sql: "SELECT member, hours_tenths FROM study_hours WHERE year = ?", arguments: [year]
        ).map { ($0[0] as String, $0[1] as Int) })
        return scope.members.compactMap { member in
            let months = MembershipMonths.inYear(year, joined: member.joined, left: member.leftOn)
            guard months > 0 else { return nil }
            let done = hours[member.id] ?? 0
            let goal = target.targetTenths(role: member.role, months: months)
            return StudyRow(
                member: member, year: year, months: months, hours: Double(done) / 10, target: Double(goal) / 10,
                met: done >= goal)
        }
    }
}
