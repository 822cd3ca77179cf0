import EventStore
import Foundation
import Testing

/// The fast reader the exporter uses writes exactly `canonicalLine`, the bytes the chain hashes.
@Suite struct CanonicalLinesTests {
    /// Text that exercises every escape and every UTF-8 length.
    static let awkward = [
        "", "\"", "\\", "\"\\\"", "\u{0}\u{1}\u{8}\u{9}\u{A}\u{B}\u{C}\u{D}\u{1F}", "\u{7F}", "/", "</script>",
        "党支部 会议", "😀 𠀀", "\u{2028}\u{2029}", "\u{FEFF}x", "a\r\nb", String(repeating: "长", count: 3000),
    ]

    /// Envelope fields take any text but control characters (the store refuses those there;
    /// payloads, stored canonical already, take everything).
    static func fill(_ store: EventStore) throws {
        for (index, text) in awkward.enumerated() {
            let clean = String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
            let event = NewEvent(
                type: "type \(clean.prefix(20))", schemaVersion: 1 + index % 3,
                businessTime: index % 2 == 0 ? "2026-03-31" : "2026-03-31T23:30:00.125+08:00",
                payload: .object([
                    text: .string(text), "n": .integer(index % 2 == 0 ? Int64.min : Int64.max),
                    "list": .array([.null, .bool(false), .string(text), .object([:])]),
                ]),
                metadata: EventMetadata(
                    actor: "actor \(clean)", correlationID: index % 3 == 0 ? nil : UUID().uuidString.lowercased(),
                    causationID: index % 4 == 0 ? nil : UUID().uuidString.lowercased()))
            try store.append([event], to: "stream \(clean.prefix(20)) \(index % 2)", expecting: .any)
        }
    }

    @Test func theLinesAreTheCanonicalLinesOfTheEvents() throws {
        let fixture = try Fixture()
        try Self.fill(fixture.store)
        let events = try fixture.store.readAll()
        #expect(events.count == Self.awkward.count)
        for (range, batchSize) in [(1...Int64(events.count), 4_096), (2...Int64(events.count - 1), 3), (5...5, 1)] {
            var lines: [String] = []
            var entries: [CanonicalLineEntry] = []
            try fixture.store.forEachCanonicalLineBatch(positions: range, batchSize: batchSize) { batch in
                #expect(batch.entries.count <= batchSize)
                let text = String(decoding: batch.bytes, as: UTF8.self)
                #expect(text.hasSuffix("\n"))
                for entry in batch.entries {
                    lines.append(String(decoding: batch.bytes[entry.line], as: UTF8.self))
                    #expect(batch.bytes[entry.line.upperBound] == UInt8(ascii: "\n"))
                    let event = events[Int(entry.position) - 1]
                    #expect(String(decoding: batch.bytes[entry.hash], as: UTF8.self) == event.hash)
                    #expect(String(decoding: batch.bytes[entry.previousHash], as: UTF8.self) == event.previousHash)
                }
                entries += batch.entries
            }
            let expected = events[Int(range.lowerBound) - 1..<Int(range.upperBound)]
            #expect(entries.map(\.position) == expected.map(\.position))
            #expect(lines == expected.map(\.canonicalLine))
        }
    }

    /// The export reads blocks on connections of their own: each block is what the store's own
    /// connection reads for the same range.
    @Test func aReaderOnItsOwnConnectionReadsTheSameLines() throws {
        let fixture = try Fixture()
        try Self.fill(fixture.store)
        let read = try fixture.store.canonicalLineReader()
        let count = Int64(Self.awkward.count)
        for range in [1...count, 3...7, count...count] {
            var bytes: [UInt8] = []
            var positions: [Int64] = []
            try fixture.store.forEachCanonicalLineBatch(positions: range) { batch in
                bytes += batch.bytes
                positions += batch.entries.map(\.position)
            }
            let batch = try read(range)
            #expect(batch.bytes == bytes && batch.entries.map(\.position) == positions && !positions.isEmpty)
            let lines = bytes.split(separator: UInt8(ascii: "\n")).map { Array($0) }
            #expect(batch.entries.map { Array(batch.bytes[$0.line]) } == lines)
        }
    }

    @Test func aRangeBeyondTheLogEndsWhereTheLogEnds() throws {
        let fixture = try Fixture()
        try fixture.appendEvents(count: 5, quarter: 1)
        var positions: [Int64] = []
        try fixture.store.forEachCanonicalLineBatch(positions: 4...9, batchSize: 2) { positions += $0.entries.map(\.position) }
        #expect(positions == [4, 5])
    }
}
