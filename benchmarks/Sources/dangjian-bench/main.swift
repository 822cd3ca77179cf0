import EventStore
import Foundation
import PartyBuilding
import Projections

// dangjian-bench --dangjian PATH [--work DIR] [--events N] [--five-years]
//
// Builds a one-year district with the release `dangjian demo`, then measures each figure
// next to its baseline from the same run, and prints the results table (benchmarks/README.md).
let arguments = CommandLine.arguments
func option(_ name: String) -> String? { arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil } }
let dangjian = option("--dangjian") ?? "../.build/release/dangjian"
let work = option("--work") ?? NSTemporaryDirectory() + "dangjian-bench"
let eventLimit = Int(option("--events") ?? "1000000")!
let asOf = "2026-06-30"
try? FileManager.default.removeItem(atPath: work)
try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
var results: [Result] = []
func note(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

// 1. The district, through the domain commands (decide + append with query tables inline).
note("generating the one-year district…")
let district = work + "/district-1y.sqlite"
let demo = try Measure.run(dangjian, ["demo", "--scale", "district", "--years", "1", "--store", district, "--lang", "en"])
let districtEvents = try EventStore(path: district).head()!.position
results.append(Result(
    name: "district simulation, 1 year (`dangjian demo --scale district`)",
    figure: "\(districtEvents) events in \(format(demo.seconds, 1)) s = \(format(Double(districtEvents) / demo.seconds)) ev/s; peak \(format(demo.peakMegabytes)) MB",
    baseline: "-", ratio: "-", goal: "-"))

// 2. Appends of the same events into a fresh store, against raw SQLite inserts of the same rows.
note("reading \(eventLimit) events…")
let source = try EventStore(path: district)
var events: [RecordedEvent] = []
while events.count < eventLimit {
    let page = try source.readAll(from: Int64(events.count + 1), limit: min(10_000, eventLimit - events.count))
    if page.isEmpty { break }
    events += page
}
let decoder = JSONDecoder()
let batches: [[StreamWrite]] = try stride(from: 0, to: events.count, by: 10_000).map { start in
    try events[start..<min(start + 10_000, events.count)].map { event in
        StreamWrite(
            streamID: event.streamID, expectedVersion: event.streamVersion == 1 ? .noStream : .exactly(event.streamVersion - 1),
            events: [NewEvent(
                eventID: event.eventID, type: event.type, schemaVersion: event.schemaVersion, businessTime: event.businessTime,
                payload: try decoder.decode(JSONValue.self, from: Data(event.payloadJSON.utf8)), metadata: event.metadata)])
    }
}
note("appending…")
let appended = work + "/appended.sqlite"
let store = try ProjectionMaintenance.open(path: appended, create: true)
let appendSeconds = try Measure.seconds { for batch in batches { try store.append(batch) } }
let logOnly = try EventStore(path: work + "/log-only.sqlite", create: true)
let logOnlySeconds = try Measure.seconds { for batch in batches { try logOnly.append(batch) } }
let rawSeconds = try RawSQLite.insert(events, into: work + "/raw.sqlite")
let n = Double(events.count)
results.append(Result(
    name: "append \(events.count) events, 10k per append, query tables inline",
    figure: "\(format(n / appendSeconds)) ev/s", baseline: "raw C-API inserts \(format(n / rawSeconds)) ev/s",
    ratio: format(rawSeconds / appendSeconds, 2), goal: "≥ 0.50"))
results.append(Result(
    name: "append, log only (no query tables)", figure: "\(format(n / logOnlySeconds)) ev/s",
    baseline: "raw C-API inserts \(format(n / rawSeconds)) ev/s", ratio: format(rawSeconds / logOnlySeconds, 2), goal: "(information)"))

// 3. Rebuilding the query tables, against reading and decoding the same events alone.
note("rebuilding…")
let rebuild = try Measure.run(dangjian, ["rebuild", "--store", appended])
let readSeconds = try Measure.seconds {
    try store.forEachBatch { batch in for event in batch { _ = try EventCoding.domainEvent(from: event) } }
}
results.append(Result(
    name: "rebuild all query tables (`dangjian rebuild`, process)",
    figure: "\(format(n / rebuild.seconds)) ev/s; peak \(format(rebuild.peakMegabytes)) MB",
    baseline: "read + decode \(format(n / readSeconds)) ev/s", ratio: format(readSeconds / rebuild.seconds, 2), goal: "≥ 0.50"))

// 4. Verification of the chain.
let verifySeconds = try Measure.seconds { _ = try store.verifyChain() }
results.append(Result(name: "verify the hash chain (in process)", figure: "\(format(n / verifySeconds)) ev/s", baseline: "-", ratio: "-", goal: "≥ 1,000,000 ev/s"))

// 5. Archive export against gzip and pigz on the same NDJSON.
note("exporting…")
let ndjson = work + "/events.ndjson"
guard FileManager.default.createFile(atPath: ndjson, contents: nil) else { throw BenchError("cannot create \(ndjson)") }
let handle = FileHandle(forWritingAtPath: ndjson)!
for start in stride(from: 0, to: events.count, by: 10_000) {
    handle.write(Data(events[start..<min(start + 10_000, events.count)].map { $0.canonicalLine + "\n" }.joined().utf8))
}
try handle.close()
let megabytes = Double(try FileManager.default.attributesOfItem(atPath: ndjson)[.size] as! Int) / 1_048_576
try FileManager.default.createDirectory(atPath: work + "/archive", withIntermediateDirectories: true)
let export = try Measure.run(dangjian, ["archive", "export", "--from", "1", "--to", String(events.count), "--out", work + "/archive", "--store", appended])
let gzip = try Measure.run("/bin/sh", ["-c", "gzip -6 -c '\(ndjson)' > /dev/null"])
let pigz = try? Measure.run("/bin/sh", ["-c", "pigz -6 -c '\(ndjson)' > /dev/null"])
results.append(Result(
    name: "archive export of \(format(megabytes)) MB NDJSON (process)",
    figure: "\(format(megabytes / export.seconds, 1)) MB/s; peak \(format(export.peakMegabytes)) MB",
    baseline: "gzip -6 \(format(megabytes / gzip.seconds, 1)) MB/s" + (pigz.map { "; pigz -6 \(format(megabytes / $0.seconds, 1)) MB/s" } ?? ""),
    ratio: "\(format(gzip.seconds / export.seconds, 2))× gzip" + (pigz.map { ", \(format($0.seconds / export.seconds, 2))× pigz" } ?? ""),
    goal: "≥ 1.5× gzip"))

// 6. One interactive `meeting log` on the district store.
note("meeting log ×20…")
let roll = try Measure.run(dangjian, ["member", "list", "--branch", "gd-guanshang-c01-b01", "--format", "json", "--store", district]).stdout
let members = try JSONSerialization.jsonObject(with: Data(roll.utf8)) as! [[String: Any]]
let secretary = members.first { $0["role"] as? String == "secretary" }!["id"] as! String
var meetingTimes: [Double] = []
for _ in 0..<21 {
    meetingTimes.append(try Measure.run(dangjian, [
        "meeting", "log", "--branch", "gd-guanshang-c01-b01", "--type", "theme-day", "--date", asOf, "--topic", "基准测试",
        "--attendees", secretary, "--store", district,
    ], environment: ["DANGJIAN_TODAY": asOf]).seconds)
}
results.append(Result(
    name: "`meeting log` on the 1-year district store (process, p50 of 21)",
    figure: "\(format(Measure.median(meetingTimes) * 1000)) ms", baseline: "-", ratio: "-", goal: "p50 < 30 ms (5-year store)"))

// 7. Warnings for the whole district.
note("warnings ×5…")
func warningsTime(_ path: String) throws -> Double {
    Measure.median(try (0..<5).map { _ in try Measure.run(dangjian, ["warnings", "summary", "--as-of", asOf, "--store", path]).seconds })
}
let oneYear = try warningsTime(district)
var warningsBaseline = "-"
var warningsRatio = "-"
if arguments.contains("--five-years") {
    note("generating the five-year district…")
    let fiveYear = work + "/district-5y.sqlite"
    _ = try Measure.run(dangjian, ["demo", "--scale", "district", "--years", "5", "--store", fiveYear])
    let five = try warningsTime(fiveYear)
    warningsBaseline = "5-year store \(format(five * 1000)) ms"
    warningsRatio = format(five / oneYear, 2)
}
results.append(Result(
    name: "`warnings summary` for the district (process, p50 of 5)", figure: "1-year store \(format(oneYear * 1000)) ms",
    baseline: warningsBaseline, ratio: warningsRatio, goal: "< 300 ms; 5y/1y ≤ 1.3"))

Result.print(results)
