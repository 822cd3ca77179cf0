import EventStore
import Foundation
import GRDB
@testable import PartyBuilding
@testable import Projections
import Testing

/// Reports on a small district whose numbers were worked out by hand.
@Suite struct ReportTests {
    static let today = CalendarDate(parsing: "2026-04-15")!

    /// 官渡区 › 关上街道 › 世纪城社区 › b1 (with party group g1) and b2, created mid-quarter.
    static func district() throws -> (TemporaryProjectedStore, Secretary) {
        let fixture = try TemporaryProjectedStore()
        var secretary = Secretary(store: fixture.store, today: today)
        let start = date("2024-01-01")
        for (id, name, kind, parent, since) in [
            ("d", "官渡区", OrganisationKind.district, nil, start), ("s", "关上街道", .street, "d", start),
            ("c", "世纪城社区", .community, "s", start), ("b1", "世纪城第一支部", .branch, "c", start),
            ("g1", "一号楼党小组", .group, "b1", start), ("b2", "新建支部", .branch, "c", date("2026-02-10")),
        ] as [(String, String, OrganisationKind, String?, CalendarDate)] {
            try secretary.submit(.addOrganisation(AddOrganisation(
                id: id, name: name, kind: kind, parent: parent, setting: kind == .branch ? .community : nil, since: since)))
        }
        for (id, name, status, since, role, group) in [
            ("m1", "张书记", MemberStatus.full, "2020-01-01", MemberRole.secretary, "g1"),
            ("m2", "李明", .full, "2020-01-01", .member, "g1"),
            ("m3", "王芳", .probationary, "2025-03-15", .member, nil),
            ("m4", "赵强", .full, "2020-01-01", .committeeMember, nil),
            ("m5", "陈静", .applicant, "2026-01-05", .member, nil),
        ] as [(String, String, MemberStatus, String, MemberRole, String?)] {
            try secretary.submit(.addMember(AddMember(
                id: id, name: name, branch: "b1", group: group, status: status, since: date(since), role: role,
                idCardNumber: nil, phone: nil)))
        }
        try secretary.submit(.electCommittee(ElectCommittee(branch: "b1", date: date("2025-12-01"), members: ["m1", "m2", "m4"], termYears: nil)))
        try meeting(&secretary, "assembly", .memberAssembly, "2026-02-20", attendees: ["m1", "m2", "m3"], absent: ["m4"])
        try meeting(&secretary, "committee-jan", .committeeMeeting, "2026-01-10", attendees: ["m1", "m2", "m4"])
        try meeting(&secretary, "committee-mar", .committeeMeeting, "2026-03-05", attendees: ["m1", "m4"], leave: ["m2"])
        for month in ["01", "02", "03"] {
            try meeting(&secretary, "theme-\(month)", .themeDay, "2026-\(month)-15", attendees: ["m1", "m2", "m3", "m4"])
        }
        try meeting(&secretary, "lecture", .partyLecture, "2026-03-20", attendees: ["m1", "m3"], leave: ["m2"])
        try meeting(&secretary, "group-jan", .groupMeeting, "2026-01-12", group: "g1", attendees: ["m1", "m2"])
        try meeting(&secretary, "group-mar", .groupMeeting, "2026-03-12", group: "g1", attendees: ["m1"], absent: ["m2"])
        return (fixture, secretary)
    }

    static func meeting(
        _ secretary: inout Secretary, _ id: String, _ type: MeetingType, _ day: String, group: String? = nil,
        attendees: [String], absent: [String] = [], leave: [String] = []
    ) throws {
        try secretary.submit(.logMeeting(LogMeeting(meeting: id, record: MeetingRecord(
            branch: "b1", group: group, type: type, date: date(day), topic: "学习", attendees: attendees,
            absentees: absent, onLeave: leave.map { ApprovedLeave(member: $0, reason: "出差") }), lateReason: "补录")))
    }

    static func date(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

    func compliance(_ fixture: TemporaryProjectedStore, root: String? = nil) throws -> [String: ComplianceRow] {
        let rows = try fixture.store.snapshot {
            try ComplianceReport.rows(period: Period(parsing: "2026-Q1")!, root: root, requirements: MeetingRequirement.official, today: Self.today, in: $0)
        }
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.org.id, $0) })
    }

    @Test func complianceCountsEachRequiredPeriodOnce() throws {
        let (fixture, _) = try Self.district()
        let rows = try compliance(fixture)
        #expect(rows.keys.sorted() == ["b1", "b2", "g1"])
        let b1 = try #require(rows["b1"])
        #expect(b1.items.map(\.type) == [.memberAssembly, .committeeMeeting, .partyLecture, .themeDay])
        let committee = try #require(b1.items.first { $0.type == .committeeMeeting })
        #expect((committee.required, committee.held, committee.missed) == (3, 2, ["2026-02"]))
        #expect((b1.required, b1.held) == (8, 7))
        #expect(b1.rate == 7.0 / 8.0)
        // Created on 10 February: judged on March's theme day only; no committee, so no committee meetings.
        let b2 = try #require(rows["b2"])
        #expect(b2.items.map(\.type) == [.themeDay])
        #expect((b2.required, b2.held, b2.items[0].missed) == (1, 0, ["2026-03"]))
        let g1 = try #require(rows["g1"])
        #expect((g1.required, g1.held, g1.items.first?.missed) == (3, 2, ["2026-02"]))
    }

    @Test func aRetractedMeetingNoLongerCountsButItsEventsRemain() throws {
        var (fixture, secretary) = try Self.district()
        try secretary.submit(.retractMeeting(RetractMeeting(meeting: "theme-03", reason: "活动未实际开展")))
        let b1 = try #require(try compliance(fixture)["b1"])
        let themeDay = try #require(b1.items.first { $0.type == .themeDay })
        #expect((themeDay.held, themeDay.missed) == (2, ["2026-03"]))
        #expect((b1.required, b1.held) == (8, 6))
        let stream = try fixture.store.readStream(StreamName.meeting("theme-03"))
        #expect(stream.map(\.type) == ["meeting.logged", "meeting.retracted"])
    }

    @Test func aCorrectionChangesAttendanceAsTheSecretaryMeant() throws {
        var (fixture, secretary) = try Self.district()
        func attendance() throws -> [String: AttendanceRow] {
            let rows = try fixture.store.snapshot { try AttendanceReport.rows(period: Period(parsing: "2026-Q1")!, root: "c", in: $0) }
            return Dictionary(uniqueKeysWithValues: rows.map { ($0.member.id, $0) })
        }
        // m4 (committee member, not in g1): assembly, 2 committee meetings, 3 theme days, lecture = 7 held.
        let before = try #require(try attendance()["m4"])
        #expect((before.held, before.attended, before.onLeave, before.absent) == (7, 5, 0, 2))
        // m2 is in g1 and on the committee: 1 + 2 + 3 + 1 + 2 group meetings = 9; on leave twice, absent once.
        let m2 = try #require(try attendance()["m2"])
        #expect((m2.held, m2.attended, m2.onLeave, m2.absent) == (9, 6, 2, 1))
        // The assembly listed m4 as absent by mistake: he was there.
        var changes = MeetingChanges()
        changes.attendees = ["m1", "m2", "m3", "m4"]
        changes.absentees = []
        try secretary.submit(.correctMeeting(CorrectMeeting(meeting: "assembly", changes: changes, reason: "赵强实际出席")))
        let after = try #require(try attendance()["m4"])
        #expect((after.held, after.attended, after.absent) == (7, 6, 1))
        let ledger = try fixture.store.snapshot { try Row.fetchOne($0, sql: "SELECT attended, absent, corrections FROM meetings WHERE meeting = 'assembly'") }
        #expect(ledger.map { [$0[0], $0[1], $0[2]] as [Int] } == [4, 0, 1])
        // The original record still reads back.
        let original = try fixture.store.readStream(StreamName.meeting("assembly")).first
        #expect(original?.payloadJSON.contains(#""absentees":["m4"]"#) == true)
    }

    @Test func studyHoursAreMeasuredAgainstTheProRatedTarget() throws {
        var (fixture, secretary) = try Self.district()
        for (session, members, tenths) in [("s1", ["m1", "m2", "m3"], 240), ("s2", ["m1", "m2"], 60), ("s3", ["m2"], 15)] {
            try secretary.submit(.logStudy(LogStudy(session: session, members: members, date: Self.date("2025-11-20"), hoursTenths: tenths, kind: .partySchool, course: "党章")))
        }
        let rows = try fixture.store.snapshot { try StudyReport.rows(year: 2025, root: nil, target: .official, in: $0) }
        let byMember = Dictionary(uniqueKeysWithValues: rows.map { ($0.member.id, $0) })
        #expect(byMember.keys.sorted() == ["m1", "m2", "m3", "m4"])
        // Secretary: 56 h target, 30 h done.
        #expect((byMember["m1"]?.hours, byMember["m1"]?.target, byMember["m1"]?.met) == (30, 56, false))
        #expect((byMember["m2"]?.hours, byMember["m2"]?.target, byMember["m2"]?.met) == (31.5, 32, false))
        // Joined 15 March 2025: April to December, 9 months, 32 × 9 / 12 = 24 h.
        #expect((byMember["m3"]?.months, byMember["m3"]?.hours, byMember["m3"]?.target, byMember["m3"]?.met) == (9, 24, 24, true))
        #expect(byMember["m4"]?.target == 56)
    }

    @Test func duesArrearsCountWholeMonthsBeforeTheAsOfMonth() throws {
        var (fixture, secretary) = try Self.district()
        try secretary.submit(.payDues(PayDues(payment: "p1", member: "m1", from: YearMonth(parsing: "2026-01")!, to: YearMonth(parsing: "2026-03")!, amountFen: 4500, date: Self.date("2026-03-01"))))
        try secretary.submit(.payDues(PayDues(payment: "p2", member: "m2", from: YearMonth(parsing: "2025-10")!, to: YearMonth(parsing: "2025-12")!, amountFen: nil, date: Self.date("2025-12-10"))))
        func dues(_ day: String) throws -> [String: DuesRow] {
            let rows = try fixture.store.snapshot { try DuesReport.rows(asOf: Self.date(day), root: "b1", in: $0) }
            return Dictionary(uniqueKeysWithValues: rows.map { ($0.member.id, $0) })
        }
        let april = try dues("2026-04-15")
        #expect(april.keys.sorted() == ["m1", "m2", "m3", "m4"])
        #expect(april["m1"]?.monthsInArrears == 0)
        #expect(april["m2"]?.monthsInArrears == 3)
        // Joined March 2025, never paid: March 2025 to March 2026.
        #expect(april["m3"]?.monthsInArrears == 13)
        // Before m1's March payment was made, m1 had paid nothing: from the month before joining.
        let february = try dues("2026-02-20")
        #expect(february["m1"]?.paidThrough == nil)
        #expect(february["m2"]?.monthsInArrears == 1)
    }

    @Test func summaryCountsBranchesMembersAndCompliancePerArea() throws {
        let (fixture, _) = try Self.district()
        let rows = try fixture.store.snapshot {
            try SummaryReport.rows(period: Period(parsing: "2026-Q1")!, root: "s", requirements: MeetingRequirement.official, today: Self.today, in: $0)
        }
        #expect(rows.map(\.org.id) == ["s", "c"])
        for row in rows {
            #expect((row.branches, row.members) == (2, 4))
            // b1 7 of 8, b2 0 of 1, g1 2 of 3.
            #expect(row.complianceRate == 9.0 / 12.0)
        }
    }

    @Test func anUnknownOrganisationIsRefused() throws {
        let (fixture, _) = try Self.district()
        #expect(throws: ReportError.unknownOrganisation("nowhere")) { try self.compliance(fixture, root: "nowhere") }
    }
}


