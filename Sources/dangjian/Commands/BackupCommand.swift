import ArgumentParser
import Bilingual
import EventStore

/// A consistent copy of a live store, to keep somewhere else.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the store consistently, even while others write. 备份数据库",
        discussion: """
            Uses SQLite's online backup: the copy is the store as of one moment, events, query tables and \
            personal-data keys included, and `dangjian verify --store FILE` accepts it. The file is created \
            with mode 0600 (it holds the keys that open personal data: keep it as safe as the store). An \
            existing file is never replaced unless --force.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The backup file to create. 备份文件", valueName: "file")) var out: String
    @Flag(help: "Replace an existing file. 覆盖已有文件") var force = false

    func run() throws {
        let store = try EventStore(path: global.storePath)
        try store.backup(to: out, replacing: force)
        print(BilingualText(
            zh: "已备份到 \(out)（权限 0600）；可用 `dangjian verify --store \(out)` 校验",
            en: "backed up to \(out) (mode 0600); check it with `dangjian verify --store \(out)`"
        ).text(in: global.language))
    }
}
