@testable import EarlyWarning
import Foundation
import Testing

/// Rules files that are not JSON, or JSON that Foundation reads without complaint or without
/// saying where: each is refused naming `file:line:column`, the JSON path as far as it was read,
/// and how to fix it.
@Suite struct RulesSyntaxTests {
    /// The shipped rules: line 72 is the `zh` basis of rule 7 (participation-gap), line 73 its
    /// `en` basis, line 75 `      "parameters": { "yellow_months": 3, "red_months": 6 }`, where
    /// `"red_months"` is at column 43 and its 6 at column 57.
    static let rules = [UInt8](PackageResourcesProbe.defaultRules)

    /// Loads `bytes` as a rules file; the refusal, which must name the file.
    static func refusal(of bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws -> RulesError {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(bytes).write(to: file)
        let error = try #require(throws: RulesError.self, sourceLocation: sourceLocation) { try RuleSet(contentsOf: file.path) }
        #expect(error.message.en.hasPrefix("rules file \(file.path):"), sourceLocation: sourceLocation)
        #expect(error.message.zh.hasPrefix("规则文件 \(file.path):"), sourceLocation: sourceLocation)
        return error
    }

    /// Expects the refusal at `place` ("line:column (at path)") saying `problem`.
    static func expectRefusal(_ bytes: [UInt8], at place: String, saying problem: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let message = try refusal(of: bytes, sourceLocation: sourceLocation).message
        #expect(message.en.contains(":\(place) does not match") && message.en.contains(problem), "\(message.en)", sourceLocation: sourceLocation)
        #expect(message.zh.contains(":\(place.replacingOccurrences(of: " (at ", with: "（").replacingOccurrences(of: ")", with: "）"))"),
                "\(message.zh)", sourceLocation: sourceLocation)
    }

    /// The shipped rules with the first `original` replaced by `replacement`.
    static func replacing(_ original: String, with replacement: [UInt8]) -> [UInt8] {
        let range = rules.firstRange(of: Array(original.utf8))!
        return Array(rules[..<range.lowerBound]) + replacement + Array(rules[range.upperBound...])
    }

    /// The shipped rules with `original` replaced by `replacement`, then `bytes`, then `after`;
    /// refused at `place` saying `problem`.
    struct Mutation: Sendable, CustomTestStringConvertible {
        var original: String
        var replacement: [UInt8]
        var place: String
        var problem: String

        init(_ original: String, _ replacement: String, _ bytes: [UInt8] = [], _ after: String = "", at place: String, _ problem: String) {
            self.original = original
            self.replacement = Array(replacement.utf8) + bytes + Array(after.utf8)
            self.place = place
            self.problem = problem
        }

        var testDescription: String { "\(place): \(problem)" }
    }

    static let redMonths = #""red_months": 6"#
    static let english = #""en": "Constitution"#

    static let mutations: [Mutation] = [
        // Foundation accepts these.
        Mutation(redMonths, #""red_months": 6,"#, at: "75:58 (at /rules/7/parameters)", "a comma before '}': remove it"),
        Mutation("    }\n  ]", "    },\n  ]", at: "139:6 (at /rules)", "a comma before ']': remove it"),
        Mutation(english, english, [0xFF], at: "73:28 (at /rules/7/basis/en)", "bytes that are not UTF-8 (0xFF): save the file as UTF-8"),
        Mutation(english, english, [0], at: "73:28 (at /rules/7/basis/en)", "a NUL byte, which no text holds"),
        // Columns count characters: 《中国共产党章程》 is 9.
        Mutation("《中国共产党章程》", "《中国共产党章程》", [0], at: "72:25 (at /rules/7/basis/zh)", "a NUL byte"),
        Mutation(english, english, [0x09], at: "73:28 (at /rules/7/basis/en)", "a control character (U+0009) inside a string: write it as an escape"),
        Mutation(english, english + #"\uD800"#, at: "73:28 (at /rules/7/basis/en)", "half of a surrogate pair"),
        Mutation(english, english + #"\uDC00"#, at: "73:28 (at /rules/7/basis/en)", "half of a surrogate pair"),
        Mutation(redMonths, #""red_months": 6, "red_months": 2"#, at: "75:60 (at /rules/7/parameters)", #"the name "red_months" appears twice"#),
        Mutation(redMonths, #""red_months": 6, "grace": 1.5"#, at: "75:69 (at /rules/7/parameters/grace)", "1.5 is not a whole number"),
        Mutation(#""dues-arrears","#, #""dues-arrears,"#, at: "78:13 (at /rules/8/id)", "the string starting here runs to the end of its line: close it with '\"'"),
        // Foundation refuses these without a place, or at the wrong one.
        Mutation(redMonths, #""red_months": 1e999"#, at: "75:57 (at /rules/7/parameters/red_months)", "the number 1e999 is out of range"),
        Mutation(redMonths, #""red_months": 123456789012345678901234567890"#, at: "75:57 (at /rules/7/parameters/red_months)", "is out of range"),
        Mutation(redMonths, #""red_months": 6.5"#, at: "75:57 (at /rules/7/parameters/red_months)", "6.5 is not a whole number"),
        Mutation(redMonths, #""red_months":"#, [0xC0], " 6", at: "75:56 (at /rules/7/parameters/red_months)", "bytes that are not UTF-8 (0xC0)"),
        Mutation(redMonths, #""red_months": "#, [0], "6", at: "75:57 (at /rules/7/parameters/red_months)", "a NUL byte"),
        Mutation(english, english + #"\q"#, at: "73:28 (at /rules/7/basis/en)", "is not a JSON escape"),
        Mutation(redMonths, #""red_months": 06"#, at: "75:57 (at /rules/7/parameters/red_months)", "a number does not start with 0"),
        Mutation(redMonths, #""red_months": True"#, at: "75:57 (at /rules/7/parameters/red_months)", "true, false and null are written in lower case"),
        Mutation(#""yellow_months": 3, "#, #""yellow_months": 3 "#, at: "75:42 (at /rules/7/parameters)",
                 #"expected ',' or '}' after the value of "yellow_months", found '"': put a comma"#),
        Mutation(redMonths, #""red_months" 6"#, at: "75:56 (at /rules/7/parameters)", #"expected ':' after the name "red_months""#),
        Mutation(redMonths, #""red_months"： 6"#, at: "75:55 (at /rules/7/parameters)", "a full-width mark from a Chinese input method; write the ASCII ':'"),
        Mutation(redMonths, #"'red_months': 6"#, at: "75:43 (at /rules/7/parameters)", "names and strings take double quotes"),
        Mutation(redMonths, #""red_months": 6 // months"#, at: "75:59 (at /rules/7/parameters)", "JSON has no comments"),
    ]

    @Test(arguments: mutations)
    func aSyntaxErrorIsRefusedAtItsLineAndColumn(_ mutation: Mutation) throws {
        try Self.expectRefusal(Self.replacing(mutation.original, with: mutation.replacement), at: mutation.place, saying: mutation.problem)
    }

    @Test func aFileCutShortIsRefusedWhereItEndsNamingWhatIsOpen() throws {
        let endOfRedMonths = Self.rules.firstRange(of: Array(#""red_months": 6"#.utf8))!.upperBound
        try Self.expectRefusal(Array(Self.rules[..<endOfRedMonths]), at: "75:58 (at /rules/7/parameters)",
                               saying: "the file ends inside the object opened on line 75: it is cut short; complete it, or close the object with '}'")
        let insideAString = Self.rules.firstRange(of: Array(#""dues-"#.utf8))!.upperBound
        try Self.expectRefusal(Array(Self.rules[..<insideAString]), at: "78:13 (at /rules/8/id)", saying: "the string starting here is not closed")
        try Self.expectRefusal([], at: "1:1 (at /)", saying: "the file is empty")
        try Self.expectRefusal(Array("  \n ".utf8), at: "2:2 (at /)", saying: "the file is empty")
    }

    @Test func otherEncodingsAndStrayTextAreRefused() throws {
        let text = String(decoding: Self.rules, as: UTF8.self)
        // UTF-16 with its byte-order mark, and without (a NUL after every ASCII character).
        try Self.expectRefusal([0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, at: "1:1 (at /)",
                               saying: "bytes that are not UTF-8 (0xFF)")
        try Self.expectRefusal(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, at: "1:2 (at /)", saying: "a NUL byte")
        try Self.expectRefusal(Self.rules + Array("x".utf8), at: "142:1 (at /)", saying: "more text after the end of the JSON value ('x'): remove it")
        try Self.expectRefusal(Array(repeating: UInt8(ascii: "["), count: 600), at: "1:513 (at /)", saying: "nested deeper than 512 levels")
    }

    @Test func whatJSONAllowsIsStillRead() throws {
        let expected = RuleSet.official.rules.map(\.id)
        for variant in [
            [0xEF, 0xBB, 0xBF] + Self.rules,                                        // a byte-order mark
            Self.replacing(#""red_months": 6"#, with: Array(#""red_months": 6.0"#.utf8)), // a whole number written with a point
            Self.replacing(#""red_months": 6"#, with: Array(#""red_m\u006fnths": 6"#.utf8)), // an escaped name
        ] {
            #expect(try RuleSet(json: Data(variant), file: "rules.json").rules.map(\.id) == expected)
        }
    }

    @Test func aMissingFieldIsRefusedAtItsObject() throws {
        try Self.expectRefusal(Self.replacing(#""yellow_months": 3, "#, with: []), at: "75:21 (at /rules/7/parameters)", saying: "missing field 'yellow_months'")
    }
}
