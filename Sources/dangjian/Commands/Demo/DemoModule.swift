import ArgumentParser

/// The synthetic district: `dangjian demo`.
enum DemoModule: CommandModule {
    static let commands: [any ParsableCommand.Type] = [DemoCommand.self]
}
