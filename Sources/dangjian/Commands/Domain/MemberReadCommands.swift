import ArgumentParser
import Bilingual
import EventStore
import PartyBuilding

struct MemberShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "One member's record; personal data masked unless --show-personal. 人员详情")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The member's id. 人员编号") var id: String
    @Flag(name: .customLong("show-personal"), help: "Print ID-card number and phone in full; the viewing is recorded. 显示完整个人信息（查看会被记录）")
    var showPersonal = false
    @OptionGroup var write: WriteOptions

    func run() throws {
        let store = try global.openStore()
        var basis = DecisionBasis()
        try basis.read([StreamName.member(id)], from: store)
        guard let member = basis.state.members[id] else { throw DomainError.unknownMember(id: id) }
        let personal = try PersonalDataView(member: member, store: store)
        if showPersonal && personal.opened != nil {
            // Recorded before anything is shown: a look that cannot be recorded does not happen.
            try PersonalDataView.recordViewing(of: id, in: store, metadata: write.metadata())
        }
        let language = global.language
        func label(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
        var table = TextTable(columns: [.init(title: label("项目", "field")), .init(title: label("内容", "value"))])
        let current = member.current
        let rows: [(String, String, String?)] = [
            ("编号", "id", member.id),
            ("姓名", "name", member.name),
            ("状态", "status", member.status.label.text(in: language) + (language == .zh ? "（\(member.statusSince)）" : " (since \(member.statusSince))")),
            ("支部", "branch", current.branch),
            ("党小组", "group", current.group),
            ("职务", "role", member.role.label.text(in: language)),
            ("入党日期", "joined", member.joined?.description),
            ("预备期满", "probation ends", member.status == .probationary ? member.probationEnds?.description : nil),
            ("离开原因", "left because", member.leaveReason?.label.text(in: language)),
            ("身份证号", "ID card", personal.idCardNumber(full: showPersonal, language: language)),
            ("电话", "phone", personal.phone(full: showPersonal, language: language)),
            ("已交党费月数", "months of dues paid", member.status.isPartyMember || !member.paidMonths.isEmpty ? String(member.paidMonths.count) : nil),
        ]
        for (zh, en, value) in rows {
            if let value { table.append([label(zh, en), value]) }
        }
        let history = member.placements.map { "\($0.from)…\($0.until?.description ?? "") \($0.branch)\($0.group.map { "/" + $0 } ?? "")" }
        table.append([label("所在支部经历", "placements"), history.joined(separator: "; ")])
        print(table.render())
    }
}

struct MemberListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "The roll: everyone ever added, or one branch's current members. 人员名册")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only the people now in this branch. 只看此支部") var branch: String?
    @Option(help: "table, json or csv. 输出格式") var format: ListingFormat = .table

    func run() throws {
        let state = try DomainLog.load(from: try global.openStore())
        var listing = Listing(columns: [
            .init(key: "id", title: BilingualText(zh: "编号", en: "id")),
            .init(key: "name", title: BilingualText(zh: "姓名", en: "name")),
            .init(key: "branch", title: BilingualText(zh: "支部", en: "branch")),
            .init(key: "group", title: BilingualText(zh: "党小组", en: "group")),
            .init(key: "status", title: BilingualText(zh: "状态", en: "status")),
            .init(key: "status_since", title: BilingualText(zh: "自", en: "since")),
            .init(key: "role", title: BilingualText(zh: "职务", en: "role")),
            .init(key: "joined", title: BilingualText(zh: "入党日期", en: "joined")),
        ])
        let members = state.members.values
            .filter { branch == nil || ($0.status != .left && $0.current.branch == branch) }
            .sorted { $0.id < $1.id }
        for member in members {
            let status = format == .table ? member.status.label.text(in: global.language) : member.status.rawValue
            let role = format == .table ? member.role.label.text(in: global.language) : member.role.rawValue
            listing.rows.append([
                "id": .string(member.id), "name": .string(member.name), "branch": .string(member.current.branch),
                "group": JSONValue(member.current.group), "status": .string(status),
                "status_since": .string(member.statusSince.description), "role": .string(role),
                "joined": JSONValue(member.joined?.description),
            ])
        }
        var output = OutputBuffer()
        output.writeLine(listing.render(format, language: global.language))
        output.flush()
    }
}
