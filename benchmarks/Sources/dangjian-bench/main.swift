import Foundation

// dangjian-bench [--dangjian PATH] [--work DIR] [--events N] [--long-years N] [--runs N] [--query-runs N] [--only rebuild|verify]
//
// Measures each figure next to its baseline from the same run and prints the results table
// (benchmarks/README.md). benchmarks/run.sh builds the tool and this harness and runs it.
let options = try Options.parse(CommandLine.arguments)
guard FileManager.default.isExecutableFile(atPath: options.dangjian) else {
    throw BenchError("no dangjian at \(options.dangjian): build it with benchmarks/run.sh, or pass --dangjian PATH")
}
try FileManager.default.createDirectory(atPath: options.work, withIntermediateDirectories: true)
let machine = try Machine.current()
let started = Date()

/// What an earlier full run left in `work`, for `--only`.
func leftByAFullRun(_ path: String?, _ what: String) throws -> String {
    guard let path, FileManager.default.fileExists(atPath: path) else {
        throw BenchError("no \(what) in \(options.work): run the whole set once first (benchmarks/run.sh --work \(options.work))")
    }
    return path
}

switch options.only {
case .rebuild:
    let imported = try leftByAFullRun(options.work + "/imported.sqlite", "imported.sqlite")
    ResultsTable.print(try RebuildBenchmark(store: imported, options: options).run(), machine: machine)
    exit(0)
case .verify:
    let folder = options.work + "/archive"
    let archive = try leftByAFullRun(
        (try? FileManager.default.contentsOfDirectory(atPath: folder))?.first { $0.hasSuffix(".tar.gz") }.map { folder + "/" + $0 },
        "archive/*.tar.gz")
    ResultsTable.print([try ArchiveBenchmarks.verify(archive, events: options.events, options: options)], machine: machine)
    exit(0)
case nil:
    break
}

let short = try District.prepare(years: 1, options: options)
let long = try District.prepare(years: options.longYears, options: options)
var results = [short.result, long.result]

// The append, import, rebuild and export figures use the larger store's first events.
var append = try AppendBenchmark(district: long.events >= short.events ? long : short, options: options)
let (appendResults, appended) = try append.run()
results += appendResults
let archives = ArchiveBenchmarks(store: appended, events: append.events.count, rawEventsPerSecond: append.rawEventsPerSecond, options: options)
append.events = []
let (archiveResults, imported) = try archives.run()
results += try RebuildBenchmark(store: imported, options: options).run()
results += archiveResults
results += try InteractiveBenchmarks(short: short, long: long, options: options).run()

note("done in \(format(Date().timeIntervalSince(started) / 60, 1)) min")
ResultsTable.print(results, machine: machine)
