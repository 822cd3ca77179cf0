@testable import Archive
import EventStore
import Testing

@Suite struct FormatTests {
    static let line = #"{"actor":"a","business_time":"2026-01-01","causation_id":null,"correlation_id":null,"event_id":"e","hash":"\#(String(repeating: "a", count: 64))","payload":{"a":[1,-2,"x\n"],"b":{}},"position":1,"prev_hash":"\#(String(repeating: "0", count: 64))","recorded_time":"t","schema_version":1,"stream_id":"s","stream_version":1,"type":"t"}"#

    static func parse(_ text: String) -> LineProblem? {
        Array(text.utf8).withUnsafeBytes { bytes -> LineProblem? in
            do throws(LineProblem) { _ = try EnvelopeLine.parse(bytes); return nil } catch { return error }
        }
    }

    @Test func aCanonicalLineParses() {
        #expect(Self.parse(Self.line) == nil)
    }

    @Test(arguments: [
        (#""a":[1,-2"#, #""a":[1, -2"#),          // a space
        (#""a":[1,-2"#, #""a":[1,-02"#),          // leading zero
        (#""a":[1,-2"#, #""a":[1,-2.0"#),         // a fraction
        (#""b":{}"#, #""b":{},"a":1"#),            // keys out of order / repeated
        (#"x\n"#, #"x\u000a"#),                   // a long escape where a short one exists
        (#""actor":"a""#, #""actor":"\/a""#),      // an escape Python does not write
    ])
    func nonCanonicalSpellingsAreRefused(original: String, replacement: String) {
        let altered = Self.line.replacingOccurrences(of: original, with: replacement)
        #expect(altered != Self.line)
        #expect(Self.parse(altered) != nil)
    }

    @Test func csvSnapshotsStartWithAByteOrderMarkForSpreadsheets() {
        let bytes = CSVDocument(name: "r.csv", csv: "名称,value\r\n").encoded()
        #expect(bytes == [0xEF, 0xBB, 0xBF] + Array("名称,value\r\n".utf8))
    }

    @Test func periodsParse() throws {
        let quarter = try ArchivePeriod(parsing: "2026-q1")
        #expect(quarter.label == "2026-Q1" && quarter.lastDay == BusinessDate(year: 2026, month: 3, day: 31))
        #expect(try ArchivePeriod(parsing: "2024-02").lastDay == BusinessDate(year: 2024, month: 2, day: 29))
        #expect(try ArchivePeriod(parsing: "2026").firstDay == BusinessDate(year: 2026, month: 1, day: 1))
        #expect(throws: ArchiveError.self) { try ArchivePeriod(parsing: "2026-Q5") }
        #expect(BusinessDate(businessTime: "2026-03-31T23:30:00+08:00") == BusinessDate(year: 2026, month: 3, day: 31))
    }
}
