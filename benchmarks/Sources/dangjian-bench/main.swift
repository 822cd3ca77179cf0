import Foundation

// dangjian-bench [--dangjian PATH] [--work DIR] [--events N] [--long-years N] [--runs N] [--query-runs N] [--only rebuild]
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

if options.onlyRebuild {
    let imported = options.work + "/imported.sqlite"
    guard FileManager.default.fileExists(atPath: imported) else {
        throw BenchError("no \(imported): run the whole set once first (benchmarks/run.sh --work \(options.work))")
    }
    ResultsTable.print(try RebuildBenchmark(store: imported, options: options).run(), machine: machine)
    exit(0)
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
