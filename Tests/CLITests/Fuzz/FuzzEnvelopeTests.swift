@testable import Archive
import EventStore
import Foundation
import Testing

/// Mutated event envelopes, as read from an archive's `events.ndjson` (`EnvelopeLine.parse`)
/// and as JSON values (`JSONValue(parsing:)`): no crash or hang; a refused line names the byte
/// offset inside the line where it went wrong.
@Suite("Fuzz: envelope decoding")
struct FuzzEnvelopeTests {
    static let envelope = #"{"actor":"王书记","business_time":"2026-03-02","causation_id":null,"correlation_id":"c1","event_id":"0a0b0c0d-0000-4000-8000-000000000001","hash":"\#(String(repeating: "ab", count: 32))","payload":{"attendees":["m01","m02"],"topic":"学习\"党章\""},"position":1,"prev_hash":"\#(String(repeating: "00", count: 32))","recorded_time":"2026-03-02T08:00:00.000Z","schema_version":1,"stream_id":"meeting-1","stream_version":1,"type":"meeting.logged"}"#

    @Test func linesAreAcceptedOrRefusedAtAnOffset() {
        let seed = Array(Self.envelope.utf8)
        var refused = 0
        Fuzzing.run("envelope line", seeds: [seed], salt: 3) { input in
            do {
                _ = try input.withUnsafeBytes { try EnvelopeLine.parse($0) }
            } catch let error as LineProblem {
                refused += 1
                #expect((0...input.count).contains(error.offset), "offset \(error.offset) of \(input.count)")
                #expect(!error.reason.en.isEmpty)
            } catch {
                Issue.record("not a LineProblem: \(error)")
            }
        }
        #expect(refused > 0)
    }

    @Test func jsonValuesParseOrThrow() {
        Fuzzing.run("json value", seeds: [Array(Self.envelope.utf8), Array(#"[1,-2,"x",{"a":[true,false,null]}]"#.utf8)], salt: 4) { input in
            if let value = try? JSONValue(parsing: String(decoding: input, as: UTF8.self)) {
                // What parses prints canonically and parses back to itself.
                let canonical = CanonicalJSON.bytes(of: value)
                #expect((try? JSONValue(parsing: String(decoding: canonical, as: UTF8.self))) == value)
            }
        }
    }
}
