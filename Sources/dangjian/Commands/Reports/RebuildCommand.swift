import ArgumentParser
import Bilingual
import Projections

struct RebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Rebuild query tables from the whole log. 重建查询表",
        discussion: """
            Replays every event from position 1 into fresh tables, in one transaction: the result is \
            identical to the tables kept up to date by each append. Writers wait until it is done.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Only this projection: \(ProjectionSet.names.joined(separator: ", ")). 只重建此项"))
    var projection: String?

    func validate() throws {
        if let projection, !ProjectionSet.names.contains(projection) {
            throw ValidationError("unknown projection '\(projection)': choose one of \(ProjectionSet.names.joined(separator: ", "))")
        }
    }

    func run() throws {
        let store = try global.openStore()
        let names = projection.map { [$0] } ?? ProjectionSet.names
        let progress = Progress(label: BilingualText(zh: "重建中", en: "rebuilding").text(in: global.language))
        try ProjectionMaintenance.rebuild(Set(names), in: store, progress: progress.update)
        progress.finish()
        print(BilingualText(
            zh: "已重建：\(names.joined(separator: "、"))",
            en: "rebuilt: \(names.joined(separator: ", "))").text(in: global.language))
    }
}
