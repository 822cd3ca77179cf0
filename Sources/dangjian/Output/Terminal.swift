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
    private(set) var label: String
    /// Whether `done` and `total` are shown besides the percentage: not for bytes of a file.
    private(set) var showsCounts: Bool
    let enabled = Terminal.stderrIsTerminal
    /// What the line shows now: its label and percentage.
    private var shown: (label: String, percent: Int64)?

    init(label: String, showsCounts: Bool = true) {
        self.label = label
        self.showsCounts = showsCounts
    }

    /// Moves on to another stage of the same work, shown on the same line.
    func begin(_ label: String, showsCounts: Bool = true) {
        self.label = label
        self.showsCounts = showsCounts
    }

    func update(_ done: Int64, of total: Int64) {
        guard enabled else { return }
        let percent = total > 0 ? done * 100 / total : 100
        guard shown?.label != label || shown?.percent != percent else { return }
        shown = (label, percent)
        let text = showsCounts ? "\(label) \(done)/\(total) (\(percent)%)" : "\(label) \(percent)%"
        // Erasing the rest of the line: the one before may have been longer, or another's.
        Terminal.writeToStandardError("\r\(text)\u{1B}[K")
    }

    /// Shows a last stage that has nothing to count, such as writing out what was computed:
    /// its label alone, so the line does not sit at 100 % as if the work had stalled.
    func announce(_ label: String) {
        guard enabled, shown?.label != label else { return }
        self.label = label
        shown = (label, 100)
        Terminal.writeToStandardError("\r\(label)…\u{1B}[K")
    }

    /// Clears the line, if anything is shown on it.
    func finish() {
        guard enabled, shown != nil else { return }
        shown = nil
        Terminal.writeToStandardError("\r\u{1B}[K")
    }
}
