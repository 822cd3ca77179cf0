import ArgumentParser
import Bilingual
import EventStore

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Walk the hash chain from position 1 and report the first bad event. 校验哈希链",
        discussion: "Exit code 0 when every event checks, 3 naming the first bad position otherwise.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.openStore()
        let progress = Progress(label: BilingualText(zh: "校验中", en: "verifying").text(in: global.language))
        let report = try store.verifyChain(progress: progress.update)
        progress.finish()
        if let failure = report.failure {
            throw ChainVerificationFailed(failure: failure)
        }
        let head = report.head.map { "\($0.position) \($0.hash)" } ?? "-"
        print(BilingualText(
            zh: "哈希链完好：\(report.eventsChecked) 个事件，末位 \(head)",
            en: "chain verified: \(report.eventsChecked) events, head \(head)").text(in: global.language))
    }
}

/// The chain does not verify: exit code 3, naming the first bad position.
struct ChainVerificationFailed: UserFacingError {
    let failure: ChainFailure

    var kind: FailureKind { .verificationFailed }

    var message: BilingualText {
        BilingualText(
            zh: "校验失败，位置 \(failure.position)：\(failure.problem.zh)",
            en: "verification failed at position \(failure.position): \(failure.problem.en)")
    }
}
