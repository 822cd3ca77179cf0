import ArgumentParser
import Bilingual
import EarlyWarning
import Foundation

struct RulesShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the rules in force: ids, parameters, legal basis. 显示规则",
        discussion: "--format json prints the rules file itself, a starting point for a local --rules file.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("A rules file to show instead of the official defaults. 规则文件", valueName: "file"))
    var rules: String?

    @Option(help: "table or json. 输出格式")
    var format: Format = .table

    func run() throws {
        let ruleSet = try rules.map(RuleSet.init(contentsOf:)) ?? .official
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if format == .json {
            print(String(decoding: try encoder.encode(ruleSet), as: UTF8.self))
            return
        }
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let zh = global.language == .zh
        var table = TextTable(columns: [
            .init(title: zh ? "规则" : "rule"), .init(title: zh ? "类别" : "kind"), .init(title: zh ? "启用" : "on"),
            .init(title: zh ? "参数" : "parameters"), .init(title: zh ? "依据" : "basis"),
        ])
        for rule in ruleSet.rules {
            let parameters = try JSONSerialization.jsonObject(with: encoder.encode(rule)) as? [String: Any]
            let text = (parameters?["parameters"] as? [String: Any])?.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ") ?? ""
            table.append([
                rule.id + (rule.local ? (zh ? "（地方）" : " (local)") : ""), rule.check.kind, rule.enabled ? "✓" : "-", text,
                rule.basis.text.text(in: global.language),
            ])
        }
        print(table.render())
    }
}
