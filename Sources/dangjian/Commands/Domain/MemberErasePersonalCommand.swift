import ArgumentParser
import Bilingual
import PartyBuilding

/// Erasure of personal data (PIPL art. 47) by crypto-shredding: the member's keys are
/// destroyed in the same transaction that records the erasure, so the sealed ID-card number
/// and phone stay in the log as unreadable bytes and the chain still verifies.
struct MemberErasePersonalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase-personal",
        abstract: "Erase a member's ID-card number and phone for good. 删除个人信息",
        discussion: """
            Destroys the member's personal-data keys and records member.personal-data-erased (who, when, why). \
            The chain stays verifiable; the data can never be shown again, from this store, a backup made \
            afterwards, or an archive. Backups made before still hold the key: erase there too, or destroy them.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var write: WriteOptions
    @Argument(help: "The member's id. 人员编号") var id: String
    @Option(help: "Why (the request, the law). 原因") var reason: String
    @Option(help: "Date of the erasure (default: today). 日期") var date: String?

    func run() throws {
        let fields = Fields(["id": id, "reason": reason, "date": date], listSeparator: ",")
        try DomainWrite.perform(global, write) { context in try CommandParsing.erasePersonalData(fields, today: context.today) }
        print(BilingualText(
            zh: "已删除 \(id) 的个人信息（密钥已销毁）", en: "erased \(id)'s personal data (keys destroyed)"
        ).text(in: global.language))
    }
}
