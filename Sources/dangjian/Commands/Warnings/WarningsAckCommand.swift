import ArgumentParser
import Bilingual
import EarlyWarning
import Foundation

struct WarningsAckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ack",
        abstract: "Acknowledge a warning with a note: it is hidden until its period changes. 确认预警",
        discussion: """
            The key is the one `dangjian warnings` prints. The acknowledgement is an event (who, when, note). A \
            condition that persists into a new period raises a warning with a new key, so nothing is lost.
            """)

    @OptionGroup var options: WarningOptions

    @Argument(help: "The warning's key, e.g. committee-meeting:b1:2026-02. 预警键")
    var key: String

    @Option(help: "What was done or decided. 处理说明")
    var note: String

    @Option(help: "Who acknowledges; default the OS user. 操作人")
    var actor: String?

    func validate() throws {
        if note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--note must say what was done or decided")
        }
    }

    func run() throws {
        let store = try options.global.openStore()
        let evaluated = try options.evaluate(in: store)
        guard evaluated.findings.contains(where: { $0.key == key }) else { throw WarningError.noSuchWarning(key) }
        if evaluated.acknowledged.contains(key) { throw WarningError.alreadyAcknowledged(key) }
        let user = actor ?? ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.environment["LOGNAME"] ?? "unknown"
        let recorded = try Acknowledgements.record(
            Acknowledgement(key: key, note: note), on: try options.day(), actor: user, in: store)
        print(recorded.eventID)
    }
}

/// What the warning commands refuse.
enum WarningError: UserFacingError {
    case noSuchWarning(String)
    case alreadyAcknowledged(String)

    var message: BilingualText {
        switch self {
        case .noSuchWarning(let key):
            return BilingualText(
                zh: "当前没有键为 \(key) 的预警：用 `dangjian warnings --include-acknowledged` 查看现有预警的键（过去日期请加 --as-of）",
                en: "no current warning has the key \(key): `dangjian warnings --include-acknowledged` lists the keys (add --as-of for a past day)")
        case .alreadyAcknowledged(let key):
            return BilingualText(
                zh: "预警 \(key) 已确认过，无需重复确认",
                en: "warning \(key) is already acknowledged")
        }
    }
}
