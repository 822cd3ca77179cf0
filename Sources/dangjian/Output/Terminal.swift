import Foundation

/// Where output goes, and whether a person is watching it.
enum Terminal {
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Colours only for a person at a terminal who has not set NO_COLOR (no-color.org).
    static var wantsColour: Bool {
        stdoutIsTerminal && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }

    /// Writes one line to stderr, prefixed with the tool's name.
    static func printError(_ message: String) {
        writeToStandardError("dangjian: \(message)\n")
    }

    static func writeToStandardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// A one-line progress counter on stderr, shown only when stderr is a terminal, so scripts
/// and logs never see it.
struct Progress {
    let label: String
    let enabled = Terminal.stderrIsTerminal

    func update(_ done: Int64, of total: Int64) {
        guard enabled else { return }
        let percent = total > 0 ? done * 100 / total : 100
        Terminal.writeToStandardError("\r\(label) \(done)/\(total) (\(percent)%)")
    }

    func finish() {
        guard enabled else { return }
        Terminal.writeToStandardError("\r\u{1B}[K")
    }
}
