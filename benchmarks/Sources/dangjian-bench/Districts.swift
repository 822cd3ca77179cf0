import EventStore
import Foundation

/// A simulated district store (`dangjian demo --scale district`), made once and reused by later
/// runs: generating one takes minutes, and the benchmarks never write to it (they use copies).
struct District {
    var path: String
    var years: Int
    var events: Int64
    /// How the store was generated (kept beside it, so a reused store still reports it).
    var generation: Generation
    /// The day every query is asked as of: the simulation's last day, or, when the simulation
    /// stopped early, the last day it recorded.
    var asOf: String

    struct Generation: Codable {
        var seconds: Double
        var peakMegabytes: Double
        var date: String
        /// Why the simulation stopped before its last day (the demo's error), if it did.
        var stoppedEarly: String?
    }

    /// The simulation's last day (docs/simulator.md).
    static let endDate = "2026-06-30"

    static func prepare(years: Int, options: Options) throws -> District {
        let path = "\(options.work)/district-\(years)y.sqlite"
        let generationFile = path + ".generation.json"
        if !FileManager.default.fileExists(atPath: path) || !FileManager.default.fileExists(atPath: generationFile) {
            note("generating the \(years)-year district (dangjian demo --scale district --years \(years))…")
            removeStore(path)
            // A demo that stops early still leaves a consistent store of the weeks it recorded
            // (each week is one atomic append); the figures then say so.
            let run = try Measure.timed(options.dangjian, [
                "demo", "--scale", "district", "--years", String(years), "--store", path, "--lang", "en",
            ], allowingFailure: true)
            let date = try Measure.output("/bin/date", ["-u", "+%Y-%m-%d"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let problem = run.stderr.split(separator: "\n").first { $0.hasPrefix("dangjian:") }.map(String.init)
            let generation = Generation(
                seconds: run.seconds, peakMegabytes: run.peakMegabytes, date: date,
                stoppedEarly: run.status == 0 ? nil : problem ?? "exit status \(run.status)")
            try JSONEncoder().encode(generation).write(to: URL(fileURLWithPath: generationFile))
        } else {
            note("reusing \(path)")
        }
        let generation = try JSONDecoder().decode(Generation.self, from: Data(contentsOf: URL(fileURLWithPath: generationFile)))
        let store = try EventStore(path: path)
        guard let head = try store.head(), let last = try store.readAll(from: head.position, limit: 1).first else {
            throw BenchError("\(path) holds no events: \(generation.stoppedEarly ?? "")")
        }
        return District(
            path: path, years: years, events: head.position, generation: generation,
            asOf: generation.stoppedEarly == nil ? endDate : String(last.recordedTime.prefix(10)))
    }

    /// The quarter holding `asOf`, as `report --period` takes it: "2026-Q2".
    var quarter: String {
        let month = Int(asOf.dropFirst(5).prefix(2)) ?? 1
        return "\(asOf.prefix(4))-Q\((month - 1) / 3 + 1)"
    }

    /// A short name for tables: "3-year" or, when cut short, "3-year (stopped 2023-09-10)".
    var label: String {
        generation.stoppedEarly == nil ? "\(years)-year" : "\(years)-year (stopped \(asOf))"
    }

    /// A scratch copy for benchmarks that write (each `meeting log` adds a meeting).
    func copy(to path: String) throws -> String {
        removeStore(path)
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: self.path + suffix) {
            try FileManager.default.copyItem(atPath: self.path + suffix, toPath: path + suffix)
        }
        return path
    }

    var result: Result {
        // The demo's message up to the refused command's full dump, which is too long for a table.
        let reason = generation.stoppedEarly.map { $0.components(separatedBy: "; command:")[0] }
        let history = reason.map { "; **stopped early** on \(asOf): \($0)" } ?? ""
        return Result(
            name: "simulated district, `dangjian demo --scale district --years \(years)` (generated \(generation.date))",
            figure: "\(format(Double(events))) events in \(format(generation.seconds, 1)) s = \(format(Double(events) / generation.seconds)) ev/s; peak \(format(generation.peakMegabytes)) MB\(history)")
    }
}
