import ArgumentParser

/// A group of subcommands that can be added to or removed from the tool as a unit.
protocol CommandModule {
    static var commands: [any ParsableCommand.Type] { get }
}

/// The one list of command modules the tool is built from: add or remove a module here.
enum CommandModules {
    static var all: [any CommandModule.Type] { [
        StoreModule.self,
        DomainModule.self,
        ReportModule.self,
        WarningsModule.self,
        DemoModule.self,
        ArchiveModule.self,
    ] }
}
