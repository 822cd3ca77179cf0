import Bilingual
import EarlyWarning
import Projections

/// The people's view of warnings: a section per street and community, a traffic light on
/// every line.
enum WarningsTable {
    /// - Parameter names: organisations by which to name each warning's organisation, street
    ///   and community (the whole district, so that those above an `--org` subtree are named).
    static func render(_ warnings: [Warning], names: [OrganisationSummary], language: Language, colour: Bool) -> String {
        let zh = language == .zh
        guard !warnings.isEmpty else { return (zh ? "没有预警。" : "No warnings.") + "\n" }
        let organisations = Dictionary(uniqueKeysWithValues: names.map { ($0.id, $0) })
        func area(of warning: Warning) -> String {
            let org = organisations[warning.org]
            let parts = [org?.street, org?.community].compactMap { $0 }.compactMap { organisations[$0]?.name }
            return parts.isEmpty ? (zh ? "（未归属街道社区）" : "(no street or community)") : parts.joined(separator: " › ")
        }
        var sections: [(String, [Warning])] = []
        for warning in warnings {
            let name = area(of: warning)
            if let index = sections.firstIndex(where: { $0.0 == name }) {
                sections[index].1.append(warning)
            } else {
                sections.append((name, [warning]))
            }
        }
        return sections.map { name, items in
            let reds = items.filter { $0.severity == .red }.count
            var table = TextTable(columns: [
                .init(title: zh ? "灯" : "light"), .init(title: zh ? "组织" : "org"), .init(title: zh ? "规则" : "rule"),
                .init(title: zh ? "期间" : "period"), .init(title: zh ? "情况" : "message"), .init(title: zh ? "键" : "key"),
            ])
            for warning in items {
                table.append([
                    light(warning.severity, language: language, colour: colour), organisations[warning.org]?.name ?? warning.org,
                    warning.rule, warning.period ?? "-", warning.message + (warning.acknowledged ? (zh ? "（已确认）" : " (acknowledged)") : ""),
                    warning.key,
                ])
            }
            let heading = zh ? "■ \(name)：红灯 \(reds)，黄灯 \(items.count - reds)" : "■ \(name): \(reds) red, \(items.count - reds) yellow"
            return heading + "\n" + table.render() + "\n"
        }.joined(separator: "\n") + basisFootnote(warnings, language: language)
    }

    /// Each rule's basis once, under the tables.
    private static func basisFootnote(_ warnings: [Warning], language: Language) -> String {
        var seen = Set<String>()
        let lines = warnings.compactMap { warning -> String? in
            seen.insert(warning.rule).inserted ? "  \(warning.rule): \(warning.basis)" : nil
        }
        return "\n" + (language == .zh ? "依据：" : "Basis:") + "\n" + lines.joined(separator: "\n") + "\n"
    }

    static func light(_ severity: Severity, language: Language, colour: Bool) -> String {
        let word = severity == .red ? (language == .zh ? "红" : "red") : (language == .zh ? "黄" : "yellow")
        guard colour else { return "● " + word }
        return (severity == .red ? "\u{1B}[31m" : "\u{1B}[33m") + "●\u{1B}[0m " + word
    }

    static func csv(_ warnings: [Warning], language: Language) -> String {
        ReportTable(
            columns: [
                .init("键", "key"), .init("规则", "rule"), .init("级别", "severity"), .init("组织", "org"),
                .init("对象", "subject"), .init("期间", "period"), .init("开始", "since"), .init("情况", "message"),
                .init("依据", "basis"), .init("已确认", "acknowledged"),
            ],
            rows: warnings.map {
                [$0.key, $0.rule, $0.severity.rawValue, $0.org, $0.subject ?? "", $0.period ?? "", $0.since ?? "",
                 $0.message, $0.basis, $0.acknowledged ? "true" : "false"]
            }
        ).csv(in: language)
    }
}
