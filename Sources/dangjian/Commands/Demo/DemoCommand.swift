import ArgumentParser
import Bilingual
import DistrictSimulator
import EarlyWarning
import EventStore
import Foundation
import PartyBuilding
import Projections

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a believable synthetic district and show its warnings. 生成演示街道/全区数据并显示预警",
        discussion: """
            Records a seeded, deterministic history through the same commands secretaries use: streets, \
            communities, branches and groups, members through the whole pipeline, committee elections, \
            all seven kinds of meeting, study and dues, with lax branches and drifting members on purpose. \
            The history ends on 2026-06-30 (or $DANGJIAN_TODAY) and starts on 1 January --years years \
            before that year. The same options always give the same log. docs/simulator.md explains it.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "street (about 500 members, seconds) or district (about 60,000 members, minutes). 规模")
    var scale: SimulationScale = .street

    @Option(help: "Whole calendar years of history before the final year, 1–10. 模拟年数")
    var years = 1

    @Option(help: "The seed: the same seed gives the same district. 随机种子")
    var seed: UInt64 = 1

    @Flag(help: "Replace an existing store at the path. 覆盖已有数据库")
    var force = false

    func validate() throws {
        guard (1...10).contains(years) else { throw ValidationError("--years must be 1 to 10") }
    }

    func run() throws {
        let path = global.storePath
        let language = global.language
        if FileManager.default.fileExists(atPath: path) {
            guard force else { throw DemoError.storeExists(path: path) }
            for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
                try FileManager.default.removeItem(atPath: file)
            }
        }
        let endDate = ProcessInfo.processInfo.environment["DANGJIAN_TODAY"] == nil ? SimulationOptions.defaultEndDate : try Today.fromEnvironment()
        let simulation = DistrictSimulation(options: SimulationOptions(scale: scale, years: years, seed: seed, endDate: endDate))
        let started = Date()
        let store = try ProjectionMaintenance.open(path: path, create: true, clock: simulation.clock.now)
        let progress = Progress(label: BilingualText(zh: "正在模拟（天）", en: "simulating (days)").text(in: language))
        let outcome = try simulation.run(into: store) { done, total in
            if done % 10 == 0 || done == total { progress.update(Int64(done), of: Int64(total)) }
        }
        progress.finish()
        let rows = try WarningLights.summary(EvaluatedWarnings(store: store, day: outcome.endDate, org: nil, rules: .official))
        var output = OutputBuffer()
        output.write(DemoReport(outcome: outcome, storePath: path, storeGiven: global.store != nil, seconds: Date().timeIntervalSince(started))
            .render(summary: TextTable(WarningLights.table(rows, language: language), language: language).render(), language: language))
        output.flush()
    }
}

extension SimulationScale: ExpressibleByArgument {}

/// What `dangjian demo` refuses.
enum DemoError: UserFacingError {
    case storeExists(path: String)

    var message: BilingualText {
        switch self {
        case .storeExists(let path):
            return BilingualText(
                zh: "\(path) 已存在，演示不会覆盖它：加 --force 替换，或用 --store 指定另一个文件",
                en: "\(path) already exists and the demo will not overwrite it: add --force to replace it, or choose another file with --store")
        }
    }
}
