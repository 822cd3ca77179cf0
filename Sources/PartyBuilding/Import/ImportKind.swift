/// What a CSV file holds. Its header names the columns, which are the flags of the matching
/// command (docs/import.md lists them); list values are separated by `;`.
public enum ImportKind: String, CaseIterable, Sendable {
    case orgs, members, meetings, study, dues

    /// The columns a file of this kind may have; the required ones must be in the header.
    public var columns: [String] {
        switch self {
        case .orgs: ["id", "name", "kind", "parent", "setting", "since"]
        case .members: ["id", "name", "branch", "status", "since", "group", "role", "id-card", "phone"]
        case .meetings: ["branch", "type", "date", "topic", "attendees", "group", "absent", "on-leave", "host",
                         "recorder", "lecturer", "place", "guests", "late-reason"]
        case .study: ["member", "date", "hours", "kind", "course"]
        case .dues: ["member", "from", "to", "amount", "date"]
        }
    }

    public var requiredColumns: [String] {
        switch self {
        case .orgs: ["id", "name", "kind"]
        case .members: ["id", "name", "branch", "status", "since"]
        case .meetings: ["branch", "type", "date", "topic", "attendees"]
        case .study: ["member", "date", "hours", "kind", "course"]
        case .dues: ["member", "from"]
        }
    }

    /// The command one row asks for; `recordID` names the meeting, study session or payment it creates.
    func command(_ fields: Fields, recordID: String, today: CalendarDate) throws -> DomainCommand {
        switch self {
        case .orgs: try CommandParsing.addOrganisation(fields, today: today)
        case .members: try CommandParsing.addMember(fields)
        case .meetings: try CommandParsing.logMeeting(fields, meeting: recordID)
        case .study: try CommandParsing.logStudy(fields, session: recordID)
        case .dues: try CommandParsing.payDues(fields, payment: recordID, today: today)
        }
    }
}
