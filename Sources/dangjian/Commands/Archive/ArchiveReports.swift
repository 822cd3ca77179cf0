import Archive
import Bilingual
import EarlyWarning
import EventStore
import Foundation
import PartyBuilding
import Projections

/// The CSV snapshots put into every archive for auditors who open it in a spreadsheet
/// (docs/archive-format.md, "CSV snapshots").
///
/// They are computed from the query tables at export time, for the archive's date; they are
/// informative only: the events are what the hashes and the signature prove.
enum ArchiveReports {
    /// The snapshots for an archive of `positions`.
    ///
    /// - Parameters:
    ///   - period: the period the export asked for; nil when exported by range, and then the
    ///     quarter containing the business date of the range's last event.
    ///   - language: column titles and labels. English unless `--lang zh` asked for Chinese, so
    ///     an archive does not depend on the locale of the machine that wrote it.
    static func documents(
        from store: EventStore, positions: ClosedRange<Int64>, period: Period?, language: Language
    ) throws -> [CSVDocument] {
        let dates = try SnapshotDates(period: period, lastEvent: store.readAll(from: positions.upperBound, limit: 1).first)
        let today = try Today.fromEnvironment()
        let requirements = MeetingRequirement.official
        let summary = try SummaryWithLights.rows(store: store, period: dates.period, root: nil, today: today)
        var documents = try store.snapshot { db in
            [
                CSVDocument(name: "reports/roster.csv", csv: roster(try AsOfQueries.members(asOf: dates.day, in: db), language).csv(in: language)),
                CSVDocument(name: "reports/compliance.csv", csv: ReportTables.compliance(
                    try ComplianceReport.rows(period: dates.period, root: nil, requirements: requirements, today: today, in: db),
                    requirements: requirements, language: language).csv(in: language)),
                CSVDocument(name: "reports/attendance.csv", csv: ReportTables.attendance(
                    try AttendanceReport.rows(period: dates.period, root: nil, in: db), language: language).csv(in: language)),
                CSVDocument(name: "reports/study.csv", csv: ReportTables.study(
                    try StudyReport.rows(year: dates.day.year, root: nil, target: .official, in: db), language: language
                ).csv(in: language)),
                CSVDocument(name: "reports/dues.csv", csv: ReportTables.dues(
                    try DuesReport.rows(asOf: dates.day, root: nil, in: db), language: language).csv(in: language)),
                CSVDocument(name: "reports/summary.csv", csv: ReportTables.summary(summary, language: language).csv(in: language)),
            ]
        }
        documents.append(CSVDocument(name: "reports/exports.csv", csv: try exports(store.exportHistory()).csv(in: language)))
        return documents
    }

    /// The members on the roll on the day, where they belong and what they are. Never their
    /// ID-card numbers or phones: an archive travels further than the store.
    private static func roster(_ members: [MemberStandingAsOf], _ language: Language) -> ReportTable {
        ReportTable(
            columns: [
                .init("编号", "id"), .init("姓名", "name"), .init("支部", "branch"), .init("党小组", "group"),
                .init("身份", "status"), .init("职务", "role"), .init("入党日期", "joined"),
            ],
            rows: members.map { member in
                [
                    member.id, member.name, member.branch, member.group ?? "", member.status.label.text(in: language),
                    member.role.label.text(in: language),
                    member.joined?.description ?? "",
                ]
            })
    }

    /// The exports recorded before this one.
    private static func exports(_ history: [ExportHistoryEntry]) -> ReportTable {
        ReportTable(
            columns: [
                .init("归档", "archive"), .init("期间", "period"), .init("起始位置", "first position", numeric: true),
                .init("结束位置", "last position", numeric: true), .init("事件数", "events", numeric: true),
                .init("Merkle 根", "Merkle root"), .init("签名公钥", "public key"), .init("导出时间", "exported at"),
                .init("操作人", "actor"),
            ],
            rows: history.map { entry in
                let record = entry.record
                return [
                    record.archive, record.period ?? "", String(record.firstPosition), String(record.lastPosition),
                    String(record.eventCount), record.merkleRoot, record.publicKey ?? "", entry.event.recordedTime,
                    entry.event.metadata.actor,
                ]
            })
    }
}

/// The period and the day the snapshots describe.
private struct SnapshotDates {
    /// Compliance, attendance and the summary cover it.
    var period: Period
    /// The roster and dues are as of this day; study covers its year.
    var day: CalendarDate

    init(period asked: Period?, lastEvent: RecordedEvent?) throws {
        if let asked {
            period = asked
            day = asked.lastDay
            return
        }
        guard let lastEvent, let date = CalendarDate(parsing: lastEvent.businessTime.prefix(10)) else {
            throw ArchiveError.refused(BilingualText(
                zh: "无法读取归档末事件的业务日期：请先运行 `dangjian verify`",
                en: "cannot read the business date of the archive's last event: run `dangjian verify` first"))
        }
        period = Period(.quarterly, containing: date.yearMonth)
        day = date
    }
}
