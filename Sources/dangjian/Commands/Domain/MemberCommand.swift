import ArgumentParser
import PartyBuilding

struct MemberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member",
        abstract: "Members and the development pipeline. 党员与发展党员",
        subcommands: [
            Add.self, Promote.self, ExtendProbation.self, CancelProbation.self, Transfer.self, Leave.self, SetRole.self, Talk.self,
            MemberErasePersonalCommand.self, MemberShowCommand.self, MemberListCommand.self,
        ])

    /// A write about one existing member: prints the id of the event it recorded.
    static func record(_ global: GlobalOptions, _ write: WriteOptions, _ command: (WriteContext) throws -> DomainCommand) throws {
        let recorded = try DomainWrite.perform(global, write, command)
        print(recorded.last?.eventID ?? "")
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a person to a branch's roll; prints their id. 登记人员",
            discussion: "--since is when they reached --status (the joining date for probationary and full members). ID-card numbers are checked (GB 11643) and kept only sealed (AES-GCM, one key per member) in a personal-data event; `member erase-personal` destroys the key.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var write: WriteOptions
        @Argument(help: "The member's id. 人员编号") var id: String
        @Option(help: "Name. 姓名") var name: String
        @Option(help: "The branch. 所在支部") var branch: String
        @Option(help: "applicant|activist|candidate|probationary|full. 状态") var status: String
        @Option(help: "Since (YYYY-MM-DD). 起始日期") var since: String
        @Option(help: "A party group of the branch. 党小组") var group: String?
        @Option(help: "secretary|deputy-secretary|committee-member|member. 职务") var role: String?
        @Option(name: .customLong("id-card"), help: "ID-card number. 身份证号") var idCard: String?
        @Option(help: "Phone. 电话") var phone: String?

        func run() throws {
            let fields = Fields([
                "id": id, "name": name, "branch": branch, "status": status, "since": since, "group": group, "role": role,
                "id-card": idCard, "phone": phone,
            ], listSeparator: ",")
            try DomainWrite.perform(global, write) { _ in try CommandParsing.addMember(fields) }
            print(id)
        }
    }

    struct Promote: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move one step along the pipeline. 发展阶段晋升",
            discussion: "applicant → activist → candidate → probationary (admission; probation 1 year) → full (转正, not before probation ends). activist → candidate needs a year as activist unless --override REASON.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var write: WriteOptions
        @Argument(help: "The member's id. 人员编号") var id: String
        @Option(help: "activist|candidate|probationary|full. 晋升为") var to: String
        @Option(help: "Date. 日期") var date: String
        @Option(help: "Why the activist year is waived. 特殊情况说明") var override: String?

        func run() throws {
            let fields = Fields(["id": id, "to": to, "date": date, "override": override], listSeparator: ",")
            try MemberCommand.record(global, write) { _ in try CommandParsing.promote(fields) }
        }
    }

    struct ExtendProbation: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "extend-probation", abstract: "Extend probation once, by 6–12 months. 延长预备期")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var write: WriteOptions
        @Argument(help: "The member's id. 人员编号") var id: String
        @Option(help: "6 to 12. 延长月数") var months: String
        @Option(help: "Date of the decision. 决定日期") var date: String
        @Option(help: "Reason. 原因") var reason: String

        func run() throws {
            let fields = Fields(["id": id, "months": months, "date": date, "reason": reason], listSeparator: ",")
            try MemberCommand.record(global, write) { _ in try CommandParsing.extendProbation(fields) }
        }
    }

    struct CancelProbation: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cancel-probation", abstract: "Cancel a probationary membership; the person leaves the roll. 取消预备党员资格")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var write: WriteOptions
        @Argument(help: "The member's id. 人员编号") var id: String
        @Option(help: "Date of the decision. 决定日期") var date: String
        @Option(help: "Reason. 原因") var reason: String

        func run() throws {
            let fields = Fields(["id": id, "date": date, "reason": reason], listSeparator: ",")
            try MemberCommand.record(global, write) { _ in try CommandParsing.cancelProbation(fields) }
        }
    }

    struct Transfer: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a member to another branch (or group); their role becomes member. 组织关系转接")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var write: WriteOptions
        @Argument(help: "The member's id. 人员编号") var id: String
        @Option(name: .customLong("to-branch"), help: "The new branch. 转入支部") var toBranch: String
        @Option(help: "A party group of the new branch. 党小组") var group: String?
        @Option(help: "Date. 日期") var date: String

        func run() throws {
            let fields = Fields(["id": id, "to-branch": toBranch, "group": group, "date": date], listSeparator: ",")
            try MemberCommand.record(global, write) { _ in try CommandParsing.transfer(fields) }
        }
    }

    struct Leave: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record that a person left the roll. 人员离开")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var write: WriteOptions
        @Argument(help: "The member's id. 人员编号") var id: String
        @Option(help: "transferred-out|deceased|expelled|withdrawn. 原因") var reason: String
        @Option(help: "Date. 日期") var date: String

        func run() throws {
            let fields = Fields(["id": id, "reason": reason, "date": date], listSeparator: ",")
            try MemberCommand.record(global, write) { _ in try CommandParsing.leave(fields) }
        }
    }

    struct SetRole: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-role", abstract: "Change a member's role; roles other than member need a full member. 变更职务")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var write: WriteOptions
        @Argument(help: "The member's id. 人员编号") var id: String
        @Option(help: "secretary|deputy-secretary|committee-member|member. 职务") var role: String
        @Option(help: "Date (default today). 日期") var date: String?

        func run() throws {
            let fields = Fields(["id": id, "role": role, "date": date], listSeparator: ",")
            try MemberCommand.record(global, write) { try CommandParsing.changeRole(fields, today: $0.today) }
        }
    }

    struct Talk: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the talk with an applicant (谈话); prints the event id. 登记谈话",
            discussion: "The party organisation talks with an applicant within a month of the application (《发展党员工作细则》). The person must have been an applicant on --date, which is not before the application nor in the future; --by is the party member who held the talk.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var write: WriteOptions
        @Argument(help: "The applicant's id. 申请人编号") var id: String
        @Option(help: "Date of the talk. 谈话日期") var date: String
        @Option(help: "The party member who held the talk. 谈话人") var by: String?
        @Option(help: "A note on the talk. 谈话情况") var note: String?

        func run() throws {
            let fields = Fields(["id": id, "date": date, "by": by, "note": note], listSeparator: ",")
            try MemberCommand.record(global, write) { _ in try CommandParsing.recordTalk(fields) }
        }
    }
}
