import ArgumentParser

/// Audit archives: keys, export, verify, import, list. Remove this line from
/// `CommandModules.all` and the tool has no archive commands.
enum ArchiveModule: CommandModule {
    static let commands: [any ParsableCommand.Type] = [
        KeysCommand.self,
        ArchiveCommand.self,
    ]
}

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Signing keys for audit archives. 归档签名密钥",
        subcommands: [KeysGenerateCommand.self])
}

struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Compressed, signed, verifiable audit archives of the log. 审计归档",
        discussion: "The format is specified in docs/archive-format.md, for auditors checking archives without dangjian.",
        subcommands: [
            ArchiveExportCommand.self, ArchiveVerifyCommand.self, ArchiveImportCommand.self, ArchiveListCommand.self,
        ])
}
