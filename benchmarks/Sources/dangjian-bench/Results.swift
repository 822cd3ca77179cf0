import Foundation

/// One line of the results: the project's figure, the baseline's, their ratio, the goal and
/// whether it was met (nil when the line is information without a goal).
struct Result {
    var name: String
    var figure: String
    var baseline: String = "–"
    var ratio: String = "–"
    var goal: String = "–"
    var met: Bool?
}

/// The results table, in Markdown, with the date and the machine it was measured on.
enum ResultsTable {
    static func print(_ results: [Result], machine: Machine) {
        Swift.print("Measured \(machine.date) on \(machine.description).\n")
        Swift.print("| benchmark | dangjian | baseline (same run) | ratio | goal | met |")
        Swift.print("|---|---|---|---|---|---|")
        for result in results {
            let met = result.met.map { $0 ? "met" : "**missed**" } ?? "–"
            Swift.print("| \(result.name) | \(result.figure) | \(result.baseline) | \(result.ratio) | \(result.goal) | \(met) |")
        }
    }
}

/// The date and the machine, as `date`, `nproc` and `free -g` give them.
struct Machine {
    var date: String
    var description: String

    static func current() throws -> Machine {
        let date = try Measure.output("/bin/date", ["-u", "+%Y-%m-%d"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let cores = try Measure.output("/usr/bin/env", ["nproc"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let memoryLine = try Measure.output("/usr/bin/env", ["free", "-g"]).stdout.split(separator: "\n").first { $0.hasPrefix("Mem:") }
        let memory = memoryLine?.split(separator: " ").dropFirst().first.map(String.init) ?? "?"
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        return Machine(date: date, description: "\(cores) cores (\(cpu)), \(memory) GB memory (`free -g`), Linux")
    }
}
