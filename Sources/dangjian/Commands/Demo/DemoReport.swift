import Bilingual
import DistrictSimulator
import Foundation

/// What `dangjian demo` prints: what was built, the traffic lights, and what to try next.
struct DemoReport {
    let outcome: SimulationOutcome
    let storePath: String
    /// Whether --store was given: the suggested commands then name the file too.
    let storeGiven: Bool
    let seconds: Double

    func render(summary: String, language: Language) -> String {
        let zh = language == .zh
        let day = outcome.endDate.description
        let quarter = "\(outcome.endDate.year)-Q\((outcome.endDate.month - 1) / 3 + 1)"
        let street = outcome.streets[0]
        let branch = outcome.sampleBranch
        let store = storeGiven ? " --store \(storePath)" : ""
        let built = zh
            ? "已生成演示数据 \(storePath)：\(outcome.streets.count) 个街道、\(outcome.communities) 个社区、\(outcome.branches) 个党支部、\(outcome.partyMembers) 名党员，\(outcome.startDate) 至 \(day)，共 \(outcome.events) 条事件（用时 \(String(format: "%.1f", seconds)) 秒）。"
            : "Built the demo store \(storePath): \(outcome.streets.count) street(s), \(outcome.communities) communities, \(outcome.branches) branches, \(outcome.partyMembers) party members, \(outcome.startDate) to \(day), \(outcome.events) events (\(String(format: "%.1f", seconds)) s)."
        let heading = zh
            ? "截至 \(day) 的红黄绿灯（模拟的“今天”；查看预警时请加 --as-of \(day)）："
            : "Traffic lights as of \(day) (the simulation's \"today\": add --as-of \(day) when you look at warnings):"
        let next: [(String, BilingualText)] = [
            ("dangjian warnings --org \(street.id) --as-of \(day)\(store)", BilingualText(zh: "\(street.name)的全部预警及依据", en: "every warning in \(street.name), with its legal basis")),
            ("dangjian warnings --org \(branch.id) --as-of \(day)\(store)", BilingualText(zh: "\(branch.name)：各类会议都漏开过一次", en: "\(branch.id): a branch that missed each kind of meeting once")),
            ("dangjian report compliance --period \(quarter) --org \(street.id) --missed-only\(store)", BilingualText(zh: "本季度三会一课未完成的支部和党小组", en: "branches and groups that missed a required meeting this quarter")),
            ("dangjian report dues --as-of \(day) --org \(branch.id)\(store)", BilingualText(zh: "党费交纳情况", en: "dues paid and months in arrears")),
            ("dangjian member list --branch \(branch.id)\(store)", BilingualText(zh: "支部党员名册", en: "the branch's roll")),
            ("dangjian meeting list --branch \(branch.id) --from \(outcome.endDate.adding(days: -90))\(store)", BilingualText(zh: "近三个月的会议台账（含更正和撤销）", en: "its meetings of the last three months, corrections and retractions included")),
            ("dangjian verify\(store)", BilingualText(zh: "校验哈希链完整", en: "check that the hash chain is unbroken")),
            ("dangjian archive export --period \(quarter) --out .\(store)", BilingualText(zh: "导出本季度审计归档", en: "export this quarter's audit archive")),
        ]
        let width = next.map(\.0.count).max() ?? 0
        let lines = next.map { command, note in
            "  " + command + String(repeating: " ", count: width - command.count) + "   # " + note.text(in: language)
        }
        return [built, "", heading, summary, "", zh ? "接下来可以试试：" : "Try next:", lines.joined(separator: "\n"), ""].joined(separator: "\n")
    }
}
