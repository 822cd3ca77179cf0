import ArgumentParser
import PartyBuilding

struct OrgCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org",
        abstract: "Organisations: district, street, community, general branch, branch, party group. 组织",
        subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an organisation to the tree; prints its id. 新建组织",
            discussion: """
                Parents: street under district; community under street; general-branch under community or \
                street; branch under community, general-branch or street; group under branch. --setting \
                (branches only) decides the committee term: community/village 5 years, other 3; it defaults \
                to community under a community, to the general branch's setting under one, else other.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var write: WriteOptions
        @Argument(help: "The organisation's id. 组织编号") var id: String
        @Option(help: "Name. 名称") var name: String
        @Option(help: "district|street|community|general-branch|branch|group. 类别") var kind: String
        @Option(help: "The parent organisation's id. 上级组织") var parent: String?
        @Option(help: "community|village|other (branches). 支部类型") var setting: String?
        @Option(help: "Created on (YYYY-MM-DD, default today). 成立日期") var since: String?

        func run() throws {
            let fields = Fields(["id": id, "name": name, "kind": kind, "parent": parent, "setting": setting, "since": since],
                                listSeparator: ",")
            try DomainWrite.perform(global, write) { try CommandParsing.addOrganisation(fields, today: $0.today) }
            print(id)
        }
    }
}

struct CommitteeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "committee",
        abstract: "Branch committee elections. 支委会换届",
        subcommands: [Elect.self])

    struct Elect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record an election (换届); prints the event id. 登记换届",
            discussion: "Every elected member must be a full member of the branch on that date. The term defaults to 5 years for community and village branches, 3 otherwise.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var write: WriteOptions
        @Option(help: "The branch. 支部") var branch: String
        @Option(help: "Election date. 选举日期") var date: String
        @Option(help: "Elected members: ID,ID,... 当选支委") var members: String
        @Option(name: .customLong("term-years"), help: "Term in years, 1–5. 任期（年）") var termYears: String?

        func run() throws {
            let fields = Fields(["branch": branch, "date": date, "members": members, "term-years": termYears], listSeparator: ",")
            let recorded = try DomainWrite.perform(global, write) { _ in try CommandParsing.electCommittee(fields) }
            print(recorded.last?.eventID ?? "")
        }
    }
}
