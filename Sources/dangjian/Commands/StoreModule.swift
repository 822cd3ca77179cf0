import ArgumentParser

/// The store itself: create it, read its log, prove its chain, copy it.
enum StoreModule: CommandModule {
    static let commands: [any ParsableCommand.Type] = [
        InitCommand.self,
        EventsCommand.self,
        VerifyCommand.self,
        BackupCommand.self,
    ]
}
