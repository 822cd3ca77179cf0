import ArgumentParser
import Bilingual
import EventStore
import Foundation
import Projections

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The store file. 数据库文件",
        discussion: "Defaults to $DANGJIAN_STORE, then ./dangjian.sqlite.",
        valueName: "path"))
    var store: String?

    @Option(name: .long, help: ArgumentHelp(
        "Language of messages and labels: zh or en. 界面语言",
        discussion: "Defaults to zh when LC_ALL, LC_MESSAGES or LANG starts with zh, otherwise en.",
        valueName: "zh|en"))
    var lang: Language?

    var storePath: String {
        store ?? ProcessInfo.processInfo.environment["DANGJIAN_STORE"] ?? "./dangjian.sqlite"
    }

    var language: Language {
        lang ?? Language.fromEnvironment()
    }

    /// Opens the existing store with its query tables current: a projection whose
    /// definition changed since the store was last used is rebuilt first, with progress.
    func openStore() throws -> EventStore {
        let progress = Progress(label: BilingualText.rebuildingQueryTables.text(in: language))
        defer { progress.finish() }
        return try ProjectionMaintenance.open(path: storePath, progress: { _, done, total in progress.update(done, of: total) })
    }
}

extension Language: ExpressibleByArgument {}

extension Language {
    /// The language asked for on a command line that may not have parsed: `--lang X`,
    /// `--lang=X`, else the environment. Used to word errors raised before or during parsing.
    static func fromArguments(_ arguments: [String]) -> Language {
        for (index, argument) in arguments.enumerated() {
            if argument.hasPrefix("--lang="), let language = Language(rawValue: String(argument.dropFirst(7))) {
                return language
            }
            if argument == "--lang", index + 1 < arguments.count, let language = Language(rawValue: arguments[index + 1]) {
                return language
            }
        }
        return fromEnvironment()
    }
}
