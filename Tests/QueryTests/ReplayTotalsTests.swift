import GRDB
@testable import PartyBuilding
@testable import Projections
import Testing

/// The totals a rebuild works out from the events equal the ones appends keep, for ids that
/// Swift's `String` takes for equal too.
@Suite struct ReplayTotalsTests {
    /// "café" composed and decomposed: equal as Swift strings, two ids to SQLite.
    static let composed = "caf\u{E9}", decomposed = "cafe\u{301}"

    static func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

    static func meeting(_ date: String, attendees: [String], absentees: [String] = [], onLeave: [String] = []) -> MeetingRecord {
        MeetingRecord(
            branch: "b1", type: .memberAssembly, date: day(date), topic: "学习",
            attendees: attendees, absentees: absentees, onLeave: onLeave.map { ApprovedLeave(member: $0, reason: "出差") })
    }

    static func study(_ session: String, _ date: String, _ members: [String], tenths: Int) -> DomainEvent {
        .studyLogged(StudyLogged(session: session, members: members, date: day(date), hoursTenths: tenths, kind: .online, course: "课程"))
    }

    static func dues(_ payment: String, _ member: String, through month: String) -> DomainEvent {
        let to = YearMonth(parsing: month)!
        return .duesPaid(DuesPaid(
            payment: payment, member: member, branch: "b1", from: to, to: to, months: 1, amountFen: 100, date: day(month + "-01")))
    }

    static let events: [DomainEvent] = [
        .meetingLogged(MeetingLogged(meeting: "k1", record: meeting("2026-03-10", attendees: [composed, "m1"], absentees: [decomposed]))),
        .meetingLogged(MeetingLogged(meeting: "k2", record: meeting("2026-03-05", attendees: [decomposed], onLeave: ["m1"]))),
        .meetingLogged(MeetingLogged(meeting: "k3", record: meeting("2026-04-02", attendees: ["m1", "m2"]))),
        .meetingCorrected(MeetingCorrected(meeting: "k3", record: meeting("2026-04-03", attendees: ["m2"], absentees: ["m1"]), reason: "误记")),
        .meetingLogged(MeetingLogged(meeting: "k4", record: meeting("2026-05-01", attendees: ["m1"]))),
        .meetingRetracted(MeetingRetracted(meeting: "k4", branch: "b1", type: .memberAssembly, date: day("2026-05-01"), reason: "重复")),
        // Of a meeting never logged: changes nothing.
        .meetingCorrected(MeetingCorrected(meeting: "k9", record: meeting("2026-06-01", attendees: ["m1"]), reason: "?")),
        study("s1", "2025-12-30", [composed, "m1"], tenths: 15),
        study("s2", "2026-01-04", [composed, decomposed], tenths: 20),
        study("s3", "2026-02-01", [composed], tenths: 5),
        dues("p1", composed, through: "2026-03"),
        dues("p2", decomposed, through: "2026-01"),
        dues("p3", composed, through: "2026-02"),
    ]

    @Test(arguments: [
        (MeetingProjection() as any Projection, ["meetings_held", "attendance_monthly", "member_participation"]),
        (StudyProjection(), ["study_hours"]),
        (DuesProjection(), ["dues_paid_through"]),
    ])
    func theRowsEqualTheOnesAppendsKeep(projection: any Projection, tables: [String]) throws {
        let live = try DatabaseQueue()
        try live.write { db in
            try projection.createTables(in: db)
            for event in Self.events { try projection.apply(event, mode: .live, in: db) }
        }
        let replayed = try DatabaseQueue()
        try replayed.write { db in
            try projection.createTables(in: db)
            let totals = try #require(projection.makeReplayTotals())
            for event in Self.events {
                try projection.apply(event, mode: .replay, in: db)
                totals.observe(event)
            }
            totals.compute()
            try totals.insert(in: db)
        }
        for table in tables {
            let expected = try rows(of: table, in: live)
            #expect(!expected.isEmpty, "\(table)")
            #expect(try rows(of: table, in: replayed) == expected, "\(table)")
        }
    }

    @Test func theTwoSpellingsStayTwoMembers() throws {
        let replayed = try DatabaseQueue()
        try replayed.write { db in
            for projection in [MeetingProjection(), StudyProjection(), DuesProjection()] as [any Projection] {
                try projection.createTables(in: db)
                let totals = try #require(projection.makeReplayTotals())
                Self.events.forEach(totals.observe)
                totals.compute()
                try totals.insert(in: db)
            }
        }
        try replayed.read { db in
            let march = try String.fetchAll(
                db, sql: "SELECT member || ':' || attended || absent || on_leave FROM attendance_monthly WHERE month = '2026-03'")
            #expect(Set(march) == ["\(Self.composed):100", "\(Self.decomposed):110", "m1:101"])
            let hours = try String.fetchAll(db, sql: "SELECT member || ':' || year || ':' || hours_tenths || ':' || sessions FROM study_hours")
            #expect(Set(hours) == ["\(Self.composed):2025:15:1", "\(Self.composed):2026:25:2", "\(Self.decomposed):2026:20:1", "m1:2025:15:1"])
            let paid = try String.fetchAll(db, sql: "SELECT member || ':' || month FROM dues_paid_through")
            #expect(Set(paid) == ["\(Self.composed):2026-03", "\(Self.decomposed):2026-01"])
        }
    }

    private func rows(of table: String, in queue: DatabaseQueue) throws -> [String] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2").map { row in
                row.databaseValues.map(\.description).joined(separator: "|")
            }
        }
    }
}
