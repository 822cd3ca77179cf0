import ArgumentParser

/// What operators read: reports over the query tables, and rebuilding those tables.
enum ReportModule: CommandModule {
    static let commands: [any ParsableCommand.Type] = [
        ReportCommand.self,
        RebuildCommand.self,
    ]
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports for operators: compliance, attendance, study, dues, summary. 统计报表",
        discussion: "Each takes --org ID (a subtree) and --format table|json|csv. JSON fields: docs/reports.md.",
        subcommands: [
            ComplianceCommand.self,
            AttendanceCommand.self,
            StudyCommand.self,
            DuesCommand.self,
            SummaryCommand.self,
        ])
}
