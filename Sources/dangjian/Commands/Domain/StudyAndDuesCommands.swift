import ArgumentParser
import PartyBuilding

struct StudySessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study", abstract: "Study sessions (学习). 学习", subcommands: [Log.self])

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Log a study session for one or more members; prints the session id. 登记学习",
            discussion: "Hours per member: above 0, at most 24, at most one decimal. Kinds: party-school, online, lecture, self-study, training.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var write: WriteOptions
        @Option(help: "Members: ID,ID,... 学员") var member: String
        @Option(help: "Date. 日期") var date: String
        @Option(help: "Hours, e.g. 1.5. 学时") var hours: String
        @Option(help: "party-school|online|lecture|self-study|training. 形式") var kind: String
        @Option(help: "Course. 课程") var course: String

        func run() throws {
            let fields = Fields(["member": member, "date": date, "hours": hours, "kind": kind, "course": course], listSeparator: ",")
            let id = DomainWrite.newRecordID()
            try DomainWrite.perform(global, write) { _ in try CommandParsing.logStudy(fields, session: id) }
            print(id)
        }
    }
}

struct DuesPaymentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dues", abstract: "Party dues (党费). 党费", subcommands: [Pay.self])

    struct Pay: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a payment covering whole months; prints the payment id. 登记党费",
            discussion: "--to defaults to --from (one month); --amount is in yuan with at most two decimals and stored in fen. A month can be paid once.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var write: WriteOptions
        @Option(help: "The member. 党员") var member: String
        @Option(help: "First month (YYYY-MM). 起始月份") var from: String
        @Option(help: "Last month (YYYY-MM). 截止月份") var to: String?
        @Option(help: "Amount in yuan. 金额（元）") var amount: String?
        @Option(help: "Day paid (default today). 交纳日期") var date: String?

        func run() throws {
            let fields = Fields(["member": member, "from": from, "to": to, "amount": amount, "date": date], listSeparator: ",")
            let id = DomainWrite.newRecordID()
            try DomainWrite.perform(global, write) { try CommandParsing.payDues(fields, payment: id, today: $0.today) }
            print(id)
        }
    }
}
