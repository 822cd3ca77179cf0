import Foundation

/// Runs `dangjian` with a terminal for its output, as a person at a console sees it: through
/// util-linux's `script`, which gives the program a pseudo-terminal and copies what it writes.
extension Dangjian {
    static let canRunOnATerminal = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

    /// What was written to the terminal (stdout and stderr, in order) and the lines it leaves.
    struct TerminalResult {
        var status: Int32
        var written: String
        var screen: [String]
    }

    static func runOnATerminal(_ arguments: [String]) throws -> TerminalResult {
        let command = ([executable.path] + arguments)
            .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        // -e: its exit status is the command's; -q: no "Script started" lines; no log file.
        process.arguments = ["-qec", command, "/dev/null"]
        process.environment = cleanEnvironment.merging(["TERM": "dumb"]) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let written = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return TerminalResult(status: process.terminationStatus, written: written, screen: screen(after: written))
    }

    /// The lines `written` leaves on screen: a carriage return goes back to the start of the
    /// line and `ESC [ K` erases from there to its end, as the progress line uses them.
    static func screen(after written: String) -> [String] {
        var lines: [String] = []
        var line: [Character] = []
        var column = 0
        var rest = Substring(written)
        while let character = rest.first {
            rest = rest.dropFirst()
            switch character {
            case "\r\n", "\n":
                lines.append(String(line))
                (line, column) = ([], 0)
            case "\r":
                column = 0
            case "\u{1B}" where rest.hasPrefix("[K"):
                rest = rest.dropFirst(2)
                line.removeSubrange(column...)
            default:
                if column < line.count { line[column] = character } else { line.append(character) }
                column += 1
            }
        }
        if !line.isEmpty { lines.append(String(line)) }
        return lines
    }
}
