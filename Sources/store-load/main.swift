// Appends synthetic events to a store from its own process, so tests and benchmarks can
// race several writers, kill one mid-append, or time bulk appends.
//
//   store-load STORE STREAM COUNT BATCH EXPECT [PAYLOAD_BYTES]
//
// EXPECT is "any", "none" or a stream version, applied to the first batch (later batches
// follow on with "any"). Exits 0 when all were appended, 4 on a version conflict, 1 otherwise.
import EventStore
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 6, let count = Int(arguments[3]), let batchSize = Int(arguments[4]), batchSize > 0 else {
    FileHandle.standardError.write(Data("usage: store-load STORE STREAM COUNT BATCH any|none|VERSION [PAYLOAD_BYTES]\n".utf8))
    exit(2)
}
let storePath = arguments[1]
let streamID = arguments[2]
var expected: ExpectedVersion
switch arguments[5] {
case "any": expected = .any
case "none": expected = .noStream
default: expected = .exactly(Int64(arguments[5]) ?? 0)
}
let filler = String(repeating: "数", count: arguments.count > 6 ? (Int(arguments[6]) ?? 0) / 3 : 10)

do {
    let store = try EventStore(path: storePath, create: true)
    var appended = 0
    while appended < count {
        let events = (appended..<min(count, appended + batchSize)).map { index in
            NewEvent(
                type: "load-generated", businessTime: "2026-01-01",
                payload: .object(["index": .integer(Int64(index)), "text": .string(filler)]),
                metadata: EventMetadata(actor: "store-load"))
        }
        try store.append(events, to: streamID, expecting: expected)
        expected = .any
        appended += events.count
        print("appended \(appended)")
    }
} catch EventStoreError.versionConflict(let stream, _, let actual) {
    FileHandle.standardError.write(Data("version conflict on \(stream) at \(actual)\n".utf8))
    exit(4)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
