@testable import Archive
import EventStore
import Testing

/// The per-stream version check of `archive verify`: the table it keeps, and the check on lines.
@Suite struct StreamVersionsTests {
    static func update(_ table: inout StreamVersions, _ id: String, hash: Int? = nil, _ version: Int64) -> Int64? {
        let bytes = Array("\"\(id)\"".utf8)
        return bytes.withUnsafeBytes { table.update($0, hash: hash ?? StreamVersions.hash($0), version: version) }
    }

    @Test func idsWhoseHashesCollideAreKeptApart() {
        var table = StreamVersions()
        // Every id under one hash: only the bytes tell them apart.
        for id in 0..<300 { #expect(Self.update(&table, "stream-\(id)", hash: 42, 1) == nil) }
        for id in 0..<300 { #expect(Self.update(&table, "stream-\(id)", hash: 42, 2) == 1) }
        #expect(Self.update(&table, "stream-", hash: 42, 1) == nil)
        #expect(Self.update(&table, "stream-0x", hash: 42, 1) == nil)
    }

    /// A slot holds an id's first 16 bytes; ids alike there are told apart by the rest.
    @Test func idsAlikeInTheirFirstBytesAreKeptApart() {
        var table = StreamVersions()
        let ids = ["0123456789abcd", "0123456789abcdX", "0123456789abcdY", "0123456789abcdXY", "0123456789abcdXZ", "0123456789abc"]
        for id in ids { #expect(Self.update(&table, id, hash: 7, 1) == nil) }
        for id in ids { #expect(Self.update(&table, id, hash: 7, 2) == 1, "\(id)") }
    }

    @Test func versionsSurviveTheTableGrowing() {
        var table = StreamVersions()
        let ids = (0..<50_000).map { "meeting-\($0)-" + String(repeating: "x", count: $0 % 40) }
        for (index, id) in ids.enumerated() { #expect(Self.update(&table, id, Int64(index)) == nil) }
        for (index, id) in ids.enumerated() where index % 7 == 0 {
            #expect(Self.update(&table, id, Int64(index) + 1) == Int64(index))
        }
    }

    /// NDJSON lines of events in `streams` (id and version each), chained from the genesis hash.
    static func lines(_ streams: [(String, Int64)]) -> [UInt8] {
        var previous = EnvelopeHashing.genesisHash
        var bytes: [UInt8] = []
        for (index, (stream, version)) in streams.enumerated() {
            var event = RecordedEvent(
                position: Int64(index + 1), streamID: stream, streamVersion: version, eventID: "e\(index)", type: "t",
                schemaVersion: 1, businessTime: "2026-01-01", recordedTime: "2026-01-01T00:00:00.000Z",
                metadata: EventMetadata(actor: "a"), payloadJSON: "{}", previousHash: previous, hash: "")
            event.hash = event.recomputedHash
            previous = event.hash
            bytes += Array(event.canonicalLine.utf8) + [0x0A]
        }
        return bytes
    }

    static func check(_ bytes: [UInt8], pieceSize: Int) throws {
        var checker = EventsChecker()
        for start in stride(from: 0, to: bytes.count, by: pieceSize) {
            try checker.feed(bytes[start..<min(bytes.count, start + pieceSize)])
        }
        try checker.finish()
    }

    @Test func aStreamThatSkipsAVersionIsRefusedAtItsLine() throws {
        let streams: [(String, Int64)] = [("a", 1), ("b\"quoted\"", 1), ("a", 2), ("b\"quoted\"", 2), ("c", 5), ("c", 6)]
        for pieceSize in [7, 100, 1 << 20] { try Self.check(Self.lines(streams), pieceSize: pieceSize) }
        let skipping = Self.lines(streams + [("b\"quoted\"", 4)])
        for pieceSize in [7, 100, 1 << 20] {
            #expect {
                try Self.check(skipping, pieceSize: pieceSize)
            } throws: { error in
                let message = (error as? ArchiveProblem)?.text.en ?? ""
                return message.hasPrefix("events.ndjson line 7 (position 7, ")
                    && message.hasSuffix("stream b\"quoted\" should be at version 3, found 4")
            }
        }
    }
}
