import Foundation

/// The long versions of the robustness checks (docs/security.md): the same tests, run with
/// `DANGJIAN_LONG_CHECKS=1`, kill more often, fuzz longer and write more. `DANGJIAN_SEED`
/// replays one run.
enum LongChecks {
    static let enabled = ProcessInfo.processInfo.environment["DANGJIAN_LONG_CHECKS"] == "1"

    /// The seed of this run: `DANGJIAN_SEED` when given, else fixed for the short checks (so
    /// `swift test` is repeatable) and fresh for the long ones (so each long run explores more).
    static let seed: UInt64 = {
        if let given = ProcessInfo.processInfo.environment["DANGJIAN_SEED"], let seed = UInt64(given) { return seed }
        return enabled ? UInt64.random(in: 1...UInt64.max) : 20_260_320
    }()

    /// `short` in `swift test`, `long` under `DANGJIAN_LONG_CHECKS=1`.
    static func choose<T>(short: T, long: T) -> T { enabled ? long : short }
}
