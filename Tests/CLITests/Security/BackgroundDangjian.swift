import Foundation

/// A `dangjian` process started without waiting for it, to be killed or awaited; its output
/// is discarded (pipes nobody reads could block it).
struct BackgroundDangjian {
    let process: Process

    init(_ arguments: [String], environment: [String: String]) throws {
        process = Process()
        process.executableURL = Dangjian.executable
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C", "USER": "tester"].merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// Kills the process with SIGKILL (no chance to clean up) and waits for it; true when the
    /// signal landed, false when the process had already finished by itself.
    func kill() -> Bool {
        let landed = process.isRunning && Glibc.kill(process.processIdentifier, SIGKILL) == 0
        process.waitUntilExit()
        return landed && process.terminationReason == .uncaughtSignal
    }
}
