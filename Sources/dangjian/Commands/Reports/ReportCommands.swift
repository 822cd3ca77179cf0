import ArgumentParser
import EarlyWarning
import EventStore
import PartyBuilding
import Projections

struct ComplianceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compliance",
        abstract: "Per branch and party group: each required meeting type, required vs held, rate. 三会一课完成情况",
        discussion: """
            A meeting is required in each month, quarter or year of the period (as its rule says) that has \
            begun, if the organisation existed on its first day (committee meetings: once the branch has \
            elected a committee). It counts as held when at least one such meeting, not retracted, took place.
            """)

    @OptionGroup var options: ReportOptions

    @Option(help: "2026-03 (month), 2026-Q1 (quarter) or 2026 (year). 期间")
    var period: Period

    @Flag(help: "Only organisations that missed a required meeting. 只列未完成的")
    var missedOnly = false

    func run() throws {
        let today = try Today.fromEnvironment()
        let requirements = MeetingRequirement.official
        try options.print({ db in
            let rows = try ComplianceReport.rows(period: period, root: options.org, requirements: requirements, today: today, in: db)
            return missedOnly ? rows.filter { $0.held < $0.required } : rows
        }, table: { ReportTables.compliance($0, requirements: requirements, language: $1) })
    }
}

struct AttendanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendance",
        abstract: "Per member: meetings held for them, attended, on leave, absent. 参会情况")

    @OptionGroup var options: ReportOptions

    @Option(help: "2026-03 (month), 2026-Q1 (quarter) or 2026 (year). 期间")
    var period: Period

    func run() throws {
        try options.print({ try AttendanceReport.rows(period: period, root: options.org, in: $0) },
                          table: ReportTables.attendance)
    }
}

struct StudyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Per member: study hours in a year against the pro-rated target. 学时统计")

    @OptionGroup var options: ReportOptions

    @Option(help: "The year, e.g. 2026. 年度")
    var year: Int

    func run() throws {
        try options.print({ try StudyReport.rows(year: year, root: options.org, target: .official, in: $0) },
                          table: ReportTables.study)
    }
}

struct DuesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dues",
        abstract: "Per member: the month dues are paid through, and months in arrears. 党费交纳",
        discussion: "Counts payments made on or before --as-of (default today, Asia/Shanghai).")

    @OptionGroup var options: ReportOptions

    @Option(name: .customLong("as-of"), help: "YYYY-MM-DD. 截至日期")
    var asOf: CalendarDate?

    func run() throws {
        let day = try asOf ?? Today.fromEnvironment()
        try options.print({ try DuesReport.rows(asOf: day, root: options.org, in: $0) }, table: ReportTables.dues)
    }
}

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Per street and community: branches, members, compliance rate, red and yellow branches. 汇总",
        discussion: "Red and yellow count branches by their worst open warning on the period's last day (today, if sooner).")

    @OptionGroup var options: ReportOptions

    @Option(help: "2026-03 (month), 2026-Q1 (quarter) or 2026 (year). 期间")
    var period: Period

    func run() throws {
        let rows = try SummaryWithLights.rows(
            store: options.global.openStore(), period: period, root: options.org, today: Today.fromEnvironment())
        try options.print(rows, table: ReportTables.summary)
    }
}

/// `report summary`'s rows: counts and compliance from the query tables, with each area's
/// red and yellow branches on the period's last day (or today, if sooner).
enum SummaryWithLights {
    static func rows(store: EventStore, period: Period, root: String?, today: CalendarDate) throws -> [SummaryRow] {
        let evaluated = try EvaluatedWarnings(store: store, day: min(today, period.lastDay), org: root, rules: .official)
        let lights = Dictionary(uniqueKeysWithValues: try WarningLights.summary(evaluated).map { ($0.org.id, $0) })
        return try store.snapshot { db in
            try SummaryReport.rows(period: period, root: root, requirements: MeetingRequirement.official, today: today, in: db)
                .map { row in
                    var row = row
                    row.redBranches = lights[row.org.id]?.red
                    row.yellowBranches = lights[row.org.id]?.yellow
                    return row
                }
        }
    }
}
