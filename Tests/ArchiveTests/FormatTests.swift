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

    /// Where the scanner refuses `content` as the inside of a string literal, or nil.
    static func stringRefusal(_ content: [UInt8]) -> Int? {
        ([UInt8(ascii: "\"")] + content + [UInt8(ascii: "\"")]).withUnsafeBytes { bytes -> Int? in
            var scanner = CanonicalScanner(bytes: bytes)
            do throws(LineProblem) { _ = try scanner.string(); return nil } catch { return error.offset }
        }
    }

    /// Strings are read with a fast path for runs of common three-byte characters (Chinese);
    /// it must accept exactly the well-formed UTF-8 and refuse the rest at the bad sequence,
    /// whichever bytes surround it.
    @Test func stringsAcceptExactlyWellFormedUTF8() {
        let chinese: [UInt8] = Array("中文".utf8)
        let others: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF]
        for lead in UInt8(0x80)...0xFF {
            for second in others {
                for third in others {
                    for fourth: UInt8 in [0x41, 0x80, 0xBF, 0xC0] {
                        let content = chinese + [lead, second, third, fourth] + chinese
                        let refusal = Self.stringRefusal(content)
                        let wellFormed = !transcode(content.makeIterator(), from: UTF8.self, to: UTF32.self, stoppingOnError: true) { _ in }
                        #expect((refusal == nil) == wellFormed, "\(content.map { String($0, radix: 16) })")
                        if let refusal { #expect((1 + chinese.count..<1 + chinese.count + 4).contains(refusal)) }
                    }
                }
            }
        }
        // A surrogate (ED A0 80) and an overlong form (E0 80 80) after Chinese text are refused at their lead.
        for bad: [UInt8] in [[0xED, 0xA0, 0x80], [0xE0, 0x80, 0x80]] {
            #expect(Self.stringRefusal(chinese + bad) == 1 + chinese.count)
        }
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
