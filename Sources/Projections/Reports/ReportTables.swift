import Bilingual
import PartyBuilding

/// The people's layout of each report. Column titles come in both languages; JSON output
/// does not use these (docs/reports.md).
public enum ReportTables {
    public static func compliance(_ rows: [ComplianceRow], requirements: [MeetingRequirement], language: Language) -> ReportTable {
        let types = requirements.map(\.type)
        let columns = [ReportTable.Column("组织", "org"), ReportTable.Column("名称", "name"), ReportTable.Column("期间", "period")]
            + types.map { ReportTable.Column($0.label.zh, $0.label.en, numeric: true) }
            + [ReportTable.Column("完成率", "rate", numeric: true)]
        return ReportTable(columns: columns, rows: rows.map { row in
            [row.org.id, row.org.name, row.period]
                + types.map { type in row.items.first { $0.type == type }.map { "\($0.held)/\($0.required)" } ?? "-" }
                + [Cell.percent(row.rate)]
        })
    }

    public static func attendance(_ rows: [AttendanceRow], language: Language) -> ReportTable {
        ReportTable(
            columns: memberColumns + [
                .init("期间", "period"), .init("应参加", "held", numeric: true), .init("出席", "attended", numeric: true),
                .init("请假", "on leave", numeric: true), .init("缺席", "absent", numeric: true), .init("出席率", "rate", numeric: true),
            ],
            rows: rows.map { row in
                memberCells(row.member, language) + [
                    row.period, String(row.held), String(row.attended), String(row.onLeave), String(row.absent), Cell.percent(row.rate),
                ]
            })
    }

    public static func study(_ rows: [StudyRow], language: Language) -> ReportTable {
        ReportTable(
            columns: memberColumns + [
                .init("年度", "year"), .init("党员月数", "months", numeric: true), .init("学时", "hours", numeric: true),
                .init("目标", "target", numeric: true), .init("达标", "met"),
            ],
            rows: rows.map { row in
                memberCells(row.member, language) + [
                    String(row.year), String(row.months), Cell.hours(row.hours), Cell.hours(row.target),
                    row.met ? (language == .zh ? "是" : "yes") : (language == .zh ? "否" : "no"),
                ]
            })
    }

    public static func dues(_ rows: [DuesRow], language: Language) -> ReportTable {
        ReportTable(
            columns: memberColumns + [.init("交至", "paid through"), .init("欠缴月数", "months in arrears", numeric: true)],
            rows: rows.map { row in
                memberCells(row.member, language) + [Cell.optional(row.paidThrough?.description), String(row.monthsInArrears)]
            })
    }

    public static func summary(_ rows: [SummaryRow], language: Language) -> ReportTable {
        ReportTable(
            columns: [
                .init("组织", "org"), .init("名称", "name"), .init("类别", "kind"), .init("期间", "period"),
                .init("支部数", "branches", numeric: true), .init("党员数", "members", numeric: true),
                .init("三会一课完成率", "compliance", numeric: true), .init("红灯支部", "red", numeric: true),
                .init("黄灯支部", "yellow", numeric: true),
            ],
            rows: rows.map { row in
                [row.org.id, row.org.name, OrganisationKind(rawValue: row.org.kind)?.label.text(in: language) ?? row.org.kind,
                 row.period, String(row.branches), String(row.members), Cell.percent(row.complianceRate),
                 Cell.optional(row.redBranches.map(String.init)), Cell.optional(row.yellowBranches.map(String.init))]
            })
    }

    private static let memberColumns: [ReportTable.Column] = [
        .init("党员", "member"), .init("姓名", "name"), .init("支部", "branch"), .init("身份", "status"),
    ]

    private static func memberCells(_ member: MemberSummary, _ language: Language) -> [String] {
        [member.id, member.name, member.branch, member.status.label.text(in: language)]
    }
}
