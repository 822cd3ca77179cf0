@testable import Archive
import Testing

/// The scanner's fast paths: strings skipped eight bytes at a time (the last eight of a line
/// by a shifted word), literals and keys compared as inlined constants, integers and keys
/// read without going through `index`. Each must refuse at the same byte, with the same
/// words, as reading a byte at a time would.
@Suite struct CanonicalScannerTests {
    /// What `scanner.string()` makes of `bytes`: the string's range, or the refusal.
    static func scanString(_ bytes: [UInt8]) -> Result<Range<Int>, LineProblem> {
        bytes.withUnsafeBytes { raw in
            var scanner = CanonicalScanner(bytes: raw)
            do throws(LineProblem) { return .success(try scanner.string()) } catch { return .failure(error) }
        }
    }

    static func value(_ text: String) -> LineProblem? {
        Array(text.utf8).withUnsafeBytes { raw in
            var scanner = CanonicalScanner(bytes: raw)
            do throws(LineProblem) { _ = try scanner.value(); return nil } catch { return error }
        }
    }

    enum Outcome: Equatable {
        /// The whole string is read.
        case accepted
        /// The string ends at the inserted `"`.
        case endsThere
        /// Refused at the inserted bytes, for this reason.
        case refused(String)
    }

    static let insertions: [([UInt8], Outcome)] = [
        ([0x01], .refused("a control character must be escaped")),
        ([0x1F], .refused("a control character must be escaped")),
        ([0x0A], .refused("a control character must be escaped")),
        ([0xFF], .refused("invalid UTF-8")),
        ([0xC3, 0x28], .refused("invalid UTF-8")),
        ([0xED, 0xA0, 0x80], .refused("invalid UTF-8")),
        (Array(#"\/"#.utf8), .refused("not a canonical escape")),
        (Array(#"\u0041"#.utf8), .refused("\\u escapes are only for control characters without a short escape")),
        ([0x22], .endsThere),
        (Array(#"\""#.utf8), .accepted),
        (Array(#"\\"#.utf8), .accepted),
        (Array(#"\u001f"#.utf8), .accepted),
        ([0x7F], .accepted),
        ([0x20], .accepted),
        (Array("中".utf8), .accepted),
        (Array("é".utf8), .accepted),
        (Array("😀".utf8), .accepted),
    ]

    /// Every byte that needs a look, at every offset within a word and within the line's
    /// last eight bytes: `"`, then `before` plain bytes, the insertion, `after` plain
    /// bytes, `"`, then `trailing` bytes to the end of the line.
    @Test(arguments: insertions.indices)
    func stringsStopAtEveryByteThatNeedsALook(insertion: Int) {
        let (inserted, outcome) = Self.insertions[insertion]
        let plain = Array("abcdefghijklmnopqrstuvwxyz".utf8)
        for before in 0...17 {
            for after in [0, 1, 7, 8, 9] {
                for trailing in 0...9 {
                    let content = Array(plain.prefix(before)) + inserted + plain.prefix(after)
                    let line = [0x22] + content + [0x22] + Array(repeating: UInt8(ascii: "}"), count: trailing)
                    let result = Self.scanString(line)
                    let place = "before \(before), after \(after), trailing \(trailing)"
                    switch (outcome, result) {
                    case (.accepted, .success(let range)):
                        #expect(range == 0..<content.count + 2, "\(place)")
                    case (.endsThere, .success(let range)):
                        #expect(range == 0..<before + 2, "\(place)")
                    case (.refused(let reason), .failure(let problem)):
                        #expect(problem.offset == 1 + before && problem.reason.en == reason, "\(place): \(problem)")
                    default:
                        Issue.record("\(place): expected \(outcome), got \(result)")
                    }
                }
            }
        }
    }

    /// A string the line ends inside of is refused at the line's end, however long the line
    /// (shorter than a word, or ending anywhere in its last word), plain or not.
    @Test func anUnclosedStringIsRefusedAtTheLineEnd() {
        for tail: [UInt8] in [[], Array("中".utf8), Array(#"\n"#.utf8)] {
            for length in 0...20 {
                let line = [0x22] + Array(repeating: UInt8(ascii: "x"), count: length) + tail
                guard case .failure(let problem) = Self.scanString(line) else {
                    Issue.record("accepted \(line)")
                    continue
                }
                #expect(problem.offset == line.count && problem.reason.en == "the string is not closed", "\(length): \(problem)")
            }
        }
    }

    /// A run of Chinese text up to the string's end or to a bad sequence, at each alignment.
    @Test func chineseRunsEndWhereTheyShould() throws {
        for before in 0...8 {
            let prefix = Array(repeating: UInt8(ascii: "a"), count: before)
            let chinese = Array("党建数据中心".utf8)
            #expect(try Self.scanString([0x22] + prefix + chinese + [0x22]).get() == 0..<before + chinese.count + 2)
            guard case .failure(let problem) = Self.scanString([0x22] + prefix + chinese + [0xE4, 0xB8, 0x22]) else {
                Issue.record("a truncated character accepted")
                continue
            }
            #expect(problem.offset == 1 + before + chinese.count && problem.reason.en == "invalid UTF-8")
        }
    }

    /// Keys are compared as bytes up to the first difference, unescaped when a `\` comes
    /// first: `\n` (U+000A) sorts after `\t` (U+0009) though `n` sorts before `t`.
    @Test func keysWithEscapesAreOrderedByTheirText() {
        #expect(Self.value(#"{"\t":1,"\n":2}"#) == nil)
        #expect(Self.value(#"{"\n":1,"\t":2}"#)?.reason.en == "object keys are not in code-point order, or repeat")
        #expect(Self.value(#"{"\\":1,"a":2}"#) == nil)
        #expect(Self.value(#"{"a":1,"\\":2}"#) != nil)
        #expect(Self.value(#"{"ab":1,"abc":2,"abd":3,"b":{}}"#) == nil)
        #expect(Self.value(#"{"abc":1,"ab":2}"#)?.offset == 13)
    }

    /// Literals and members are compared whole; a refusal names what was expected, where.
    @Test(arguments: [
        (#""causation_id":null"#, #""causation_id":nul1"#, "expected null"),
        (#""causation_id":null"#, #""causation_id":nu"#, "expected null"),
        (#""a":[1,-2"#, #""a":[1,tru"#, "expected true"),
        (#""a":[1,-2"#, #""a":[1,fals"#, "expected false"),
        (#","hash":"#, #","hasx":"#, #"expected the member "hash":"#),
        (#"{"actor":"#, #"{"actors":"#, #"expected the member "actor":"#),
        (#","stream_version":1"#, #","stream_version":1.0"#, "only whole numbers are allowed"),
        (#","position":1"#, #","position":99999999999999999999"#, "the integer is too large"),
        (#","position":1"#, #","position":9223372036854775808"#, "the integer is too large"),
    ])
    func refusalsNameWhatWasExpected(original: String, replacement: String, reason: String) {
        let altered = FormatTests.line.replacingOccurrences(of: original, with: replacement)
        #expect(altered != FormatTests.line)
        let problem = FormatTests.parse(altered)
        #expect(problem?.reason.en == reason)
        // Every refusal here lies within the replaced text, or just after it.
        let place = altered.utf8.distance(from: altered.startIndex, to: altered.range(of: replacement)!.lowerBound)
        #expect((place...place + replacement.utf8.count).contains(problem?.offset ?? -1))
    }

    /// Integers of every length are read whole, whatever follows them (`/` and `:` on either
    /// side of the digits, bytes with the high bit set such as 0xB0, whose low bits spell "0")
    /// and however near the line's end.
    @Test func integersOfEveryLengthAreReadWhole() {
        let digits = Array("987654321098765432".utf8)
        for count in 1...digits.count {
            for sign in ["", "-"] {
                for next: [UInt8] in [[], [UInt8(ascii: ",")], [UInt8(ascii: "]")], [0xB0], [0xB9], [UInt8(ascii: "/")], [UInt8(ascii: ":")]] {
                    for padding in [0, 1, 7, 8] {
                        let text = Array(sign.utf8) + digits.prefix(count)
                        let line = text + next + Array(repeating: UInt8(ascii: "}"), count: padding)
                        let read = line.withUnsafeBytes { raw -> (Int64, Int)? in
                            var scanner = CanonicalScanner(bytes: raw)
                            do throws(LineProblem) { return (try scanner.integer(), scanner.index) } catch { return nil }
                        }
                        let expected = Int64(String(decoding: text, as: UTF8.self))!
                        #expect(read?.0 == expected && read?.1 == text.count, "\(line)")
                    }
                }
            }
        }
    }

    /// An integer too large overflows at its twentieth digit; an unsigned one that fits in
    /// 64 bits is refused at its end.
    @Test func largeIntegersAreRefusedWhereTheyOverflow() {
        func integerRefusal(_ text: String) -> Int? {
            Array(text.utf8).withUnsafeBytes { raw in
                var scanner = CanonicalScanner(bytes: raw)
                do throws(LineProblem) { _ = try scanner.integer(); return nil } catch { return error.offset }
            }
        }
        #expect(integerRefusal("99999999999999999999") == 19)
        #expect(integerRefusal("-99999999999999999999") == 20)
        #expect(integerRefusal("9223372036854775808") == 19)
        #expect(integerRefusal("-9223372036854775808") == nil)
        #expect(integerRefusal("18446744073709551615") == 20)
        #expect(integerRefusal("18446744073709551616") == 19)
    }
}
