import EventStore
import Foundation
import Projections

/// Appends of a district's events into fresh stores, against raw SQLite inserts of the same rows.
struct AppendBenchmark {
    /// The district's first events, as recorded.
    var events: [RecordedEvent]
    var options: Options
    var rawEventsPerSecond = 0.0

    init(district: District, options: Options) throws {
        note("reading \(format(Double(min(Int64(options.events), district.events)))) events of \(district.path)…")
        let source = try EventStore(path: district.path)
        var events: [RecordedEvent] = []
        events.reserveCapacity(options.events)
        try source.forEachBatch { batch in
            guard events.count < options.events else { return }
            events += batch.prefix(options.events - events.count)
        }
        self.events = events
        self.options = options
    }

    /// The same events as new writes: one stream write per event, expecting the version it had.
    private func writes() throws -> [[StreamWrite]] {
        let decoder = JSONDecoder()
        return try stride(from: 0, to: events.count, by: RawSQLite.rowsPerTransaction).map { start in
            try events[start..<min(start + RawSQLite.rowsPerTransaction, events.count)].map { event in
                StreamWrite(
                    streamID: event.streamID,
                    expectedVersion: event.streamVersion == 1 ? .noStream : .exactly(event.streamVersion - 1),
                    events: [NewEvent(
                        eventID: event.eventID, type: event.type, schemaVersion: event.schemaVersion,
                        businessTime: event.businessTime,
                        payload: try decoder.decode(JSONValue.self, from: Data(event.payloadJSON.utf8)),
                        metadata: event.metadata)])
            }
        }
    }

    /// Measures raw inserts, appends with the query tables inline, and appends of the log alone.
    /// Returns the results and the path of the store with query tables (used by the archive benchmarks).
    mutating func run() throws -> (results: [Result], store: String) {
        let count = Double(events.count)
        note("raw SQLite inserts…")
        let raw = options.work + "/raw.sqlite"
        removeStore(raw)
        let rawSeconds = try RawSQLite.insert(events, into: raw)
        removeStore(raw)
        rawEventsPerSecond = count / rawSeconds
        let batches = try writes()

        note("appending with the query tables inline…")
        let appended = options.work + "/appended.sqlite"
        removeStore(appended)
        let store = try ProjectionMaintenance.open(path: appended, create: true)
        let appendSeconds = try Measure.seconds { for batch in batches { try store.append(batch) } }

        note("appending to the log alone…")
        let logOnlyPath = options.work + "/log-only.sqlite"
        removeStore(logOnlyPath)
        let logOnly = try EventStore(path: logOnlyPath, create: true)
        let logOnlySeconds = try Measure.seconds { for batch in batches { try logOnly.append(batch) } }
        removeStore(logOnlyPath)

        let baseline = "raw C-API inserts \(format(rawEventsPerSecond)) ev/s"
        let appendRatio = rawSeconds / appendSeconds
        return ([
            Result(
                name: "append \(format(count)) district events, 10k per atomic append, query tables inline (in process)",
                figure: "\(format(count / appendSeconds)) ev/s", baseline: baseline,
                ratio: format(appendRatio, 2), goal: "≥ 0.50", met: appendRatio >= 0.5),
            Result(
                name: "append, log only (no query tables): where the time goes",
                figure: "\(format(count / logOnlySeconds)) ev/s", baseline: baseline,
                ratio: format(rawSeconds / logOnlySeconds, 2)),
        ], appended)
    }
}

/// Deletes a store and its WAL files, if any.
func removeStore(_ path: String) {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}
