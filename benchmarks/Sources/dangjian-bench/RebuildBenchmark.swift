import EventStore
import Foundation
import PartyBuilding

/// `dangjian rebuild` against reading and decoding the same events alone (the floor).
struct RebuildBenchmark {
    var store: String
    var options: Options

    func run() throws -> [Result] {
        guard let head = try EventStore(path: store).head() else { throw BenchError("\(store) holds no events") }
        let count = Double(head.position)
        note("dangjian rebuild…")
        let rebuild = try Measure.timed(options.dangjian, ["rebuild", "--store", store])
        note("reading and decoding alone…")
        let reader = try EventStore(path: store)
        let readSeconds = try Measure.seconds {
            try reader.forEachBatch { batch in for event in batch { _ = try EventCoding.domainEvent(from: event) } }
        }
        let ratio = readSeconds / rebuild.seconds
        return [
            Result(
                name: "rebuild all query tables from \(format(count)) district events (`dangjian rebuild`, process)",
                figure: "\(format(count / rebuild.seconds)) ev/s (\(format(rebuild.seconds, 1)) s)",
                baseline: "read + decode alone \(format(count / readSeconds)) ev/s (\(format(readSeconds, 1)) s)",
                ratio: format(ratio, 2), goal: "≥ 0.50", met: ratio >= 0.5),
            Result(name: "peak memory: rebuild of \(format(count)) events", figure: "\(format(rebuild.peakMegabytes)) MB"),
        ]
    }
}
