import Foundation

/// Wall-clock timing, child processes and the results table.
enum Measure {
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    struct ProcessRun {
        var seconds: Double
        var peakMegabytes: Double
        var stdout: String
    }

    /// Runs a program to completion: its wall time and its peak resident memory.
    static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> ProcessRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        var output = Data()
        let seconds = try seconds {
            try process.run()
            output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
        }
        guard process.terminationStatus == 0 else {
            throw BenchError("\(program) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
        return ProcessRun(seconds: seconds, peakMegabytes: peakChildMegabytes(), stdout: String(decoding: output, as: UTF8.self))
    }

    /// The largest resident set of any child so far (Linux reports kilobytes, macOS bytes).
    static func peakChildMegabytes() -> Double {
        var usage = rusage()
        #if os(macOS)
        getrusage(RUSAGE_CHILDREN, &usage)
        return Double(usage.ru_maxrss) / 1_048_576
        #else
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
        #endif
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// One line of the results: the project's figure, the baseline's, their ratio and the goal.
struct Result {
    var name: String
    var figure: String
    var baseline: String
    var ratio: String
    var goal: String

    static func print(_ results: [Result]) {
        Swift.print("| benchmark | dangjian | baseline (same run) | ratio | goal |")
        Swift.print("|---|---|---|---|---|")
        for result in results {
            Swift.print("| \(result.name) | \(result.figure) | \(result.baseline) | \(result.ratio) | \(result.goal) |")
        }
    }
}

func format(_ value: Double, _ digits: Int = 0) -> String { String(format: "%.\(digits)f", value) }
