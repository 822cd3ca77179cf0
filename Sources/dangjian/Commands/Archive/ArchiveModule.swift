import ArgumentParser

/// Audit archives: keys, export, verify, import, list. Remove this line from
/// `CommandModules.all` and the tool has no archive commands.
enum ArchiveModule: CommandModule {
    static let commands: [any ParsableCommand.Type] = []
}
