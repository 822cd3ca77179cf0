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
/// and logs never see it. It is redrawn when the percentage changes: callers report as
/// often as they like (a verify reports each of a thousand pieces of the file in a second).
final class Progress {
    let label: String
    /// Whether `done` and `total` are shown besides the percentage: not for bytes of a file.
    let showsCounts: Bool
    let enabled = Terminal.stderrIsTerminal
    private var shownPercent: Int64?

    init(label: String, showsCounts: Bool = true) {
        self.label = label
        self.showsCounts = showsCounts
    }

    func update(_ done: Int64, of total: Int64) {
        let percent = total > 0 ? done * 100 / total : 100
        guard enabled, percent != shownPercent else { return }
        shownPercent = percent
        let text = showsCounts ? "\(label) \(done)/\(total) (\(percent)%)" : "\(label) \(percent)%"
        // Erasing the rest of the line: the one before may have been longer, or another's.
        Terminal.writeToStandardError("\r\(text)\u{1B}[K")
    }

    /// Clears the line, if anything is shown on it.
    func finish() {
        guard enabled, shownPercent != nil else { return }
        shownPercent = nil
        Terminal.writeToStandardError("\r\u{1B}[K")
    }
}
