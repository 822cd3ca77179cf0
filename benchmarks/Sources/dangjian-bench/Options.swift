import Foundation

/// dangjian-bench [--dangjian PATH] [--work DIR] [--events N] [--long-years N] [--runs N] [--query-runs N] [--only rebuild|verify]
struct Options {
    /// The release `dangjian` built beside this harness (benchmarks/run.sh builds both).
    var dangjian: String
    /// Stores, archives and scratch files; the district stores in it are reused by later runs.
    var work: String
    /// How many of the district's events the append, import, rebuild and export figures use.
    var events: Int
    /// Years of the second, longer district (warnings 1-year vs N-year, meeting log, report).
    var longYears: Int
    /// Runs of `meeting log` (p50).
    var runs: Int
    /// Runs of each district-wide query, `warnings` and `report` (p50): fewer, as each takes seconds.
    var queryRuns: Int
    /// One figure alone, on what an earlier full run left in `work` (a run of the whole set
    /// takes a quarter of an hour): `rebuild` of the imported store, `verify` of the archive.
    var only: Figure?

    enum Figure: String {
        case rebuild, verify
    }

    static func parse(_ arguments: [String]) throws -> Options {
        func value(_ name: String) -> String? {
            arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        }
        func number(_ name: String, _ fallback: Int) throws -> Int {
            guard let text = value(name) else { return fallback }
            guard let number = Int(text), number > 0 else { throw BenchError("\(name) takes a positive whole number, not '\(text)'") }
            return number
        }
        func only() throws -> Figure? {
            guard let name = value("--only") else { return nil }
            guard let figure = Figure(rawValue: name) else { throw BenchError("--only takes rebuild or verify, not '\(name)'") }
            return figure
        }
        let beside = URL(fileURLWithPath: arguments[0]).deletingLastPathComponent().appendingPathComponent("dangjian").path
        return Options(
            dangjian: value("--dangjian") ?? beside,
            work: value("--work") ?? FileManager.default.currentDirectoryPath + "/.build/bench-work",
            events: try number("--events", 1_000_000),
            // 3, not the 5: a 5-year district takes about 25 minutes to generate here,
            // and the whole run is meant to stay under 40 (benchmarks/README.md).
            longYears: try number("--long-years", 5),
            runs: try number("--runs", 21),
            queryRuns: try number("--query-runs", 7),
            only: try only())
    }
}
