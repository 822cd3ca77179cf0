import ArgumentParser

/// The secretaries' commands: organisations, members, committees, meetings, study, dues, import.
enum DomainModule: CommandModule {
    static let commands: [any ParsableCommand.Type] = [
        OrgCommand.self,
        MemberCommand.self,
        CommitteeCommand.self,
        MeetingCommand.self,
        StudySessionCommand.self,
        DuesPaymentCommand.self,
        ImportCommand.self,
    ]
}
