import ArgumentParser
import Bilingual
import EarlyWarning
import Foundation
import Projections

struct WarningsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List warnings: red before yellow, grouped by street and community. 预警列表",
        discussion: """
            JSON (--format json) is one array; each element has exactly: key, rule, severity, org, subject, \
            period, since, message, basis, acknowledged. Acknowledged warnings are hidden unless \
            --include-acknowledged.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @OptionGroup var options: WarningOptions

    @Option(help: "red or yellow. 只看红灯或黄灯")
    var severity: Severity?

    @Option(help: "Only this rule id (see `dangjian rules show`). 只看此规则")
    var rule: String?

    @Flag(help: "Show acknowledged warnings too. 包括已确认的")
    var includeAcknowledged = false

    @Option(help: "table, json or csv. 输出格式")
    var format: Format = .table

    func validate() throws {
        if let rule, !(try options.ruleSet()).rules.contains(where: { $0.id == rule }) {
            throw ValidationError("unknown rule '\(rule)': `dangjian rules show` lists the rule ids")
        }
    }

    func run() throws {
        let store = try options.global.openStore()
        let evaluated = try options.evaluate(in: store)
        let language = options.global.language
        let warnings = evaluated.findings
            .filter { severity == nil || $0.severity == severity }
            .filter { rule == nil || $0.rule == rule }
            .map { Warning($0, language: language, acknowledged: evaluated.acknowledged.contains($0.key)) }
            .filter { includeAcknowledged || !$0.acknowledged }
        var output = OutputBuffer()
        switch format {
        case .json:
            output.writeLine(WarningsJSON.array(warnings))
        case .csv:
            output.write(WarningsTable.csv(warnings, language: language))
        case .table:
            output.write(WarningsTable.render(warnings, names: try evaluated.district(), language: language, colour: Terminal.wantsColour))
        }
        output.flush()
    }
}

extension Severity: ExpressibleByArgument {}
