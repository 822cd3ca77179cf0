import ArgumentParser

/// The secretaries' commands: organisations, members, committees, meetings, study, dues, import.
enum DomainModule: CommandModule {
    static let commands: [any ParsableCommand.Type] = []
}
