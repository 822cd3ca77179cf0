import EventStore
import Foundation

/// Export against gzip and pigz on the same NDJSON, verification, and import of the archive.
struct ArchiveBenchmarks {
    var store: String
    var events: Int
    var rawEventsPerSecond: Double
    var options: Options

    /// Returns the results and the path of the store the archive was imported into.
    func run() throws -> (results: [Result], imported: String) {
        let count = Double(events)
        let folder = options.work + "/archive"
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)

        // The bytes the export compresses: each event's canonical line and a newline.
        note("writing the NDJSON baseline input…")
        let ndjson = folder + "/events.ndjson"
        guard FileManager.default.createFile(atPath: ndjson, contents: nil) else { throw BenchError("cannot create \(ndjson)") }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: ndjson))
        try EventStore(path: store).forEachCanonicalLineBatch(positions: 1...Int64(events)) { batch in
            try handle.write(contentsOf: batch.bytes)
        }
        try handle.close()
        let megabytes = try Measure.fileMegabytes(ndjson)

        note("dangjian archive export…")
        let export = try Measure.timed(options.dangjian, [
            "archive", "export", "--from", "1", "--to", String(events), "--out", folder, "--store", store,
        ])
        let archive = export.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        note("gzip -6 and pigz -6…")
        let gzip = try Measure.output("/bin/sh", ["-c", "gzip -6 -c '\(ndjson)' > '\(folder)/events.gz'"])
        let pigz = try Measure.output("/bin/sh", ["-c", "pigz -6 -c '\(ndjson)' > '\(folder)/events.pigz.gz'"])
        let archiveMegabytes = try Measure.fileMegabytes(archive)
        let gzipMegabytes = try Measure.fileMegabytes(folder + "/events.gz")
        let speedRatio = gzip.seconds / export.seconds
        let sizeRatio = archiveMegabytes / gzipMegabytes

        let verify = try Self.verify(archive, events: events, options: options)

        note("dangjian archive import into an empty store…")
        let imported = options.work + "/imported.sqlite"
        removeStore(imported)
        let importRun = try Measure.timed(options.dangjian, ["archive", "import", archive, "--store", imported])
        let importRate = count / importRun.seconds

        return ([
            Result(
                name: "archive export of \(format(count)) events = \(format(megabytes)) MB NDJSON (process, incl. CSV snapshots)",
                figure: "\(format(megabytes / export.seconds, 1)) MB/s (\(format(export.seconds, 1)) s)",
                baseline: "gzip -6 \(format(megabytes / gzip.seconds, 1)) MB/s; pigz -6 \(format(megabytes / pigz.seconds, 1)) MB/s",
                ratio: "\(format(speedRatio, 2))× gzip, \(format(pigz.seconds / export.seconds, 2))× pigz",
                goal: "≥ 1.5× gzip", met: speedRatio >= 1.5),
            Result(
                name: "archive size (whole .tar.gz: events, manifest, CSV snapshots)",
                figure: "\(format(archiveMegabytes, 1)) MB", baseline: "gzip -6 of the NDJSON \(format(gzipMegabytes, 1)) MB",
                ratio: format(sizeRatio, 3), goal: "≤ 1.05", met: sizeRatio <= 1.05),
            verify,
            Result(
                name: "import: `archive import` into an empty store (process: verifies, appends the log, builds the query tables once)",
                figure: "\(format(importRate)) ev/s (\(format(importRun.seconds, 1)) s)",
                baseline: "raw C-API inserts \(format(rawEventsPerSecond)) ev/s",
                ratio: format(importRate / rawEventsPerSecond, 2), goal: "≥ 0.50", met: importRate / rawEventsPerSecond >= 0.5),
            Result(name: "peak memory: import of \(format(count)) events", figure: "\(format(importRun.peakMegabytes)) MB"),
            Result(name: "peak memory: export of \(format(count)) events", figure: "\(format(export.peakMegabytes)) MB"),
        ], imported)
    }

    /// `archive verify` of `archive` (of `events` events): the median of `--query-runs` runs
    /// after two warm-up runs, once the writes before it (the export, gzip and pigz outputs)
    /// are on disk, so their write-back does not run during the measurement. The fastest and
    /// slowest runs are shown too: on a shared machine the same run can take a third longer
    /// from one minute to the next.
    static func verify(_ archive: String, events: Int, options: Options) throws -> Result {
        note("dangjian archive verify (\(options.queryRuns) runs)…")
        _ = try Measure.output("/bin/sync", [])
        let times = try Measure.wallTimes(runs: options.queryRuns, [options.dangjian, "archive", "verify", archive])
        let rate = { Double(events) / $0 }
        return Result(
            name: "`archive verify` of that archive (process, median of \(options.queryRuns))",
            figure: "\(format(rate(times.median))) ev/s (\(format(times.median, 2)) s; runs \(format(rate(times.slowest)))–\(format(rate(times.fastest))))",
            goal: "≥ 1,000,000 ev/s", met: rate(times.median) >= 1_000_000)
    }
}
