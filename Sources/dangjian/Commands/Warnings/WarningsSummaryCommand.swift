import ArgumentParser
import Bilingual
import EarlyWarning
import Projections

struct WarningsSummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Per street and community: branches by light, open warnings by rule. 红黄绿灯汇总",
        discussion: "A branch shows its worst open warning (its groups' and members' included); green when it has none.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @OptionGroup var options: WarningOptions

    @Option(help: "table, json or csv. 输出格式")
    var format: Format = .table

    func run() throws {
        let store = try options.global.openStore()
        let rows = try WarningLights.summary(options.evaluate(in: store))
        let language = options.global.language
        var output = OutputBuffer()
        switch format {
        case .json: output.writeLine(try ReportJSON.encode(rows))
        case .csv: output.write(WarningLights.table(rows, language: language).csv(in: language))
        case .table: output.writeLine(TextTable(WarningLights.table(rows, language: language), language: language).render())
        }
        output.flush()
    }
}

/// The open warnings summarised per area, shared by `warnings summary` and `demo`.
enum WarningLights {
    static func summary(_ evaluated: EvaluatedWarnings) throws -> [WarningSummaryRow] {
        let scope = try evaluated.scope()
        let groupBranches = Dictionary(uniqueKeysWithValues: scope.filter { $0.kind == "group" }.compactMap { org in org.branch.map { (org.id, $0) } })
        return WarningSummary.rows(areas: scope, branches: scope.filter { $0.kind == "branch" }, groupBranches: groupBranches, findings: evaluated.open)
    }

    static func table(_ rows: [WarningSummaryRow], language: Language) -> ReportTable {
        ReportTable(
            columns: [
                .init("组织", "org"), .init("名称", "name"), .init("支部", "branches", numeric: true),
                .init("红灯", "red", numeric: true), .init("黄灯", "yellow", numeric: true), .init("绿灯", "green", numeric: true),
                .init("按规则", "by rule"),
            ],
            rows: rows.map { row in
                [row.org.id, row.org.name, String(row.branches), String(row.red), String(row.yellow), String(row.green),
                 row.byRule.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")]
            })
    }
}

