import ArgumentParser

/// Early warnings (红黄灯预警) and the rules behind them.
enum WarningsModule: CommandModule {
    static let commands: [any ParsableCommand.Type] = [
        WarningsCommand.self,
        RulesCommand.self,
    ]
}

struct WarningsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warnings",
        abstract: "Red and yellow warnings, each with its legal basis. 红黄灯预警",
        discussion: """
            `dangjian warnings [options]` lists them; `warnings ack KEY --note TEXT` acknowledges one; \
            `warnings summary` counts branches by light per street and community. docs/warnings.md explains \
            every rule.
            """,
        subcommands: [WarningsListCommand.self, WarningsAckCommand.self, WarningsSummaryCommand.self],
        defaultSubcommand: WarningsListCommand.self)
}

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "The early-warning rules in force. 预警规则",
        subcommands: [RulesShowCommand.self])
}
