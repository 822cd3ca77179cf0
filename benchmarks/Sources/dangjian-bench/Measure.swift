import Foundation

/// Wall-clock timing of code in this process and of child processes.
enum Measure {
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    struct ProcessRun {
        var seconds: Double
        /// Peak resident set of the measured program, from `/usr/bin/time -v`.
        var peakMegabytes: Double
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// Runs a program once under `/usr/bin/time -v`: its wall time and its own peak memory
    /// (`getrusage(RUSAGE_CHILDREN)` would report the largest child so far, not this one).
    static func timed(
        _ program: String, _ arguments: [String], environment: [String: String] = [:], allowingFailure: Bool = false
    ) throws -> ProcessRun {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-bench-time-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: report) }
        var run = try output("/usr/bin/time", ["-v", "-o", report, program] + arguments, environment: environment, allowingFailure: allowingFailure)
        let lines = try String(contentsOfFile: report, encoding: .utf8).split(separator: "\n")
        guard let line = lines.first(where: { $0.contains("Maximum resident set size (kbytes)") }),
              let kilobytes = Double(line.split(separator: ":").last!.trimmingCharacters(in: .whitespaces))
        else { throw BenchError("/usr/bin/time -v printed no peak memory for \(program)") }
        run.peakMegabytes = kilobytes / 1024
        return run
    }

    /// Runs a program to completion: its stdout, stderr and wall time. A non-zero exit throws
    /// with the program's stderr, unless `allowingFailure`.
    static func output(
        _ program: String, _ arguments: [String], environment: [String: String] = [:], allowingFailure: Bool = false
    ) throws -> ProcessRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let outputPipe = Pipe()
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-bench-stderr-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: errorFile.path, contents: nil) else { throw BenchError("cannot create \(errorFile.path)") }
        defer { try? FileManager.default.removeItem(at: errorFile) }
        process.standardOutput = outputPipe
        process.standardError = try FileHandle(forWritingTo: errorFile)
        var output = Data()
        let seconds = try seconds {
            try process.run()
            output = outputPipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
        }
        let errors = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 || allowingFailure else {
            throw BenchError("\(program) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus): \(errors)")
        }
        return ProcessRun(
            seconds: seconds, peakMegabytes: 0, stdout: String(decoding: output, as: UTF8.self), stderr: errors,
            status: process.terminationStatus)
    }

    /// The median wall time of `runs` runs of one command, by hyperfine (no shell, warm cache).
    static func median(runs: Int, _ command: [String], environment: [String: String] = [:]) throws -> Double {
        try wallTimes(runs: runs, command, environment: environment).median
    }

    /// The median, fastest and slowest wall times of `runs` runs of one command, by hyperfine
    /// (no shell, warm cache, two warm-up runs first).
    static func wallTimes(
        runs: Int, _ command: [String], environment: [String: String] = [:]
    ) throws -> (median: Double, fastest: Double, slowest: Double) {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-bench-hyperfine-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: report) }
        // hyperfine splits the command on whitespace (no shell): arguments must not contain spaces.
        precondition(command.allSatisfy { !$0.contains(" ") }, "hyperfine arguments must not contain spaces")
        _ = try output("/usr/bin/env", [
            "hyperfine", "--shell=none", "--style", "none", "--warmup", "2", "--runs", String(runs),
            "--export-json", report, command.joined(separator: " "),
        ], environment: environment)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any]
        guard let result = (json?["results"] as? [[String: Any]])?.first, let median = result["median"] as? Double,
              let fastest = result["min"] as? Double, let slowest = result["max"] as? Double else {
            throw BenchError("hyperfine wrote no median, min and max for \(command.joined(separator: " "))")
        }
        return (median, fastest, slowest)
    }

    static func fileMegabytes(_ path: String) throws -> Double {
        Double(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0) / 1_048_576
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Progress of the run, on stderr so that stdout holds only the table.
func note(_ text: String) {
    let stamp = DateFormatter.localizedString(from: Date(), dateStyle: .none, timeStyle: .medium)
    FileHandle.standardError.write(Data("[\(stamp)] \(text)\n".utf8))
}

func format(_ value: Double, _ digits: Int = 0) -> String {
    let plain = String(format: "%.\(digits)f", value)
    guard digits == 0, value >= 10_000 else { return plain }
    // Thousands separators for large whole numbers, so event rates read at a glance.
    var grouped = ""
    for (index, digit) in plain.reversed().enumerated() {
        if index > 0, index % 3 == 0 { grouped.append(",") }
        grouped.append(digit)
    }
    return String(grouped.reversed())
}
