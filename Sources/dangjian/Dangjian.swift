import ArgumentParser
import Bilingual
import Foundation

/// The `dangjian` command: the root of every subcommand.
@main
struct Dangjian: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "dangjian",
        abstract: "Smart party-building data hub: an append-only, hash-chained record of branch life. 智慧党建数据中心",
        discussion: """
            Every record is an event in one SQLite file (--store, or DANGJIAN_STORE, default \
            ./dangjian.sqlite). Nothing is ever edited: corrections are new events, and `dangjian \
            verify` proves the chain is unbroken.

            Exit codes: 0 ok, 1 user error, 2 usage error, 3 verification failed.
            """,
        version: version,
        subcommands: CommandModules.all.flatMap { $0.commands })

    /// Runs the command line and maps every failure to one line on stderr and an exit code.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as any UserFacingError {
            Terminal.printError(failure.message.text(in: Language.fromArguments(CommandLine.arguments)))
            Foundation.exit(failure.kind == .verificationFailed ? ExitCodes.verificationFailed : ExitCodes.userError)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if code == .validationFailure {
                Terminal.writeToStandardError(fullMessage(for: error) + "\n")
                Foundation.exit(ExitCodes.usage)
            }
            if let exit = error as? ExitCode { Foundation.exit(exit.rawValue) }
            Terminal.printError(fullMessage(for: error))
            Foundation.exit(ExitCodes.userError)
        }
    }
}

/// The documented exit codes (README, "Exit codes").
enum ExitCodes {
    static let userError: Int32 = 1
    static let usage: Int32 = 2
    static let verificationFailed: Int32 = 3
}
