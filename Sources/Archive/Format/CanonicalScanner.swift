import Bilingual
import Foundation

/// Walks bytes that must be canonical JSON (docs/event-format.md, "Canonical JSON"),
/// failing at the first byte that the canonical form would not have.
struct CanonicalScanner {
    let bytes: UnsafeRawBufferPointer
    private(set) var index = 0
    private var depth = 0
    /// Deeper nesting than this is refused rather than risking the stack.
    private static let maximumDepth = 200

    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var atEnd: Bool { index == bytes.count }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    func problem(_ en: String, zh: String) -> LineProblem {
        LineProblem(offset: index, reason: BilingualText(zh: zh, en: en))
    }

    /// `what` is only built when the check fails: lines are checked by the million.
    mutating func expect(_ literal: [UInt8], what: @autoclosure () -> String) throws(LineProblem) {
        guard index + literal.count <= bytes.count,
              literal.withUnsafeBytes({ equalBytes($0, UnsafeRawBufferPointer(rebasing: bytes[index..<index + literal.count])) })
        else { throw problem("expected \(what())", zh: "此处应为 \(what())") }
        index += literal.count
    }

    /// An envelope member's key with the `{` or `,` before it and the `:` after, such as
    /// `,"hash":`; a failure names the member.
    mutating func expectKey(_ key: StaticString) throws(LineProblem) {
        let literal = UnsafeRawBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
        guard index + literal.count <= bytes.count,
              equalBytes(literal, UnsafeRawBufferPointer(rebasing: bytes[index..<index + literal.count]))
        else {
            let member = String(decoding: literal.dropFirst(), as: UTF8.self)
            throw problem("expected the member \(member)", zh: "此处应为 the member \(member)")
        }
        index += literal.count
    }

    mutating func expect(byte: UInt8, what: @autoclosure () -> String) throws(LineProblem) {
        guard current == byte else { throw problem("expected \(what())", zh: "此处应为 \(what())") }
        index += 1
    }

    private static let trueLiteral = Array("true".utf8), falseLiteral = Array("false".utf8), nullLiteral = Array("null".utf8)

    /// Any canonical value; returns its byte range.
    mutating func value() throws(LineProblem) -> Range<Int> {
        let start = index
        guard let byte = current else { throw problem("expected a JSON value", zh: "此处应为 JSON 值") }
        switch byte {
        case UInt8(ascii: "{"): try object()
        case UInt8(ascii: "["): try array()
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try expect(Self.trueLiteral, what: "true")
        case UInt8(ascii: "f"): try expect(Self.falseLiteral, what: "false")
        case UInt8(ascii: "n"): try expect(Self.nullLiteral, what: "null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try integer()
        default: throw problem("expected a JSON value", zh: "此处应为 JSON 值")
        }
        return start..<index
    }

    private mutating func object() throws(LineProblem) {
        try enter()
        index += 1
        if current == UInt8(ascii: "}") { index += 1; depth -= 1; return }
        var previousKey: Range<Int>?
        while true {
            let key = try string()
            if let previousKey, !Self.isOrdered(previousKey, before: key, in: bytes) {
                throw problem("object keys are not in code-point order, or repeat", zh: "对象的键未按码点排序或有重复")
            }
            previousKey = key
            try expect(byte: UInt8(ascii: ":"), what: ":")
            _ = try value()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; depth -= 1; return
            default: throw problem("expected , or } (no spaces in canonical JSON)", zh: "此处应为 , 或 }（规范 JSON 不含空格）")
            }
        }
    }

    private mutating func array() throws(LineProblem) {
        try enter()
        index += 1
        if current == UInt8(ascii: "]") { index += 1; depth -= 1; return }
        while true {
            _ = try value()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; depth -= 1; return
            default: throw problem("expected , or ] (no spaces in canonical JSON)", zh: "此处应为 , 或 ]（规范 JSON 不含空格）")
            }
        }
    }

    private mutating func enter() throws(LineProblem) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw problem("nested too deeply", zh: "嵌套过深") }
    }

    /// A string in canonical spelling; returns its range, quotes included.
    mutating func string() throws(LineProblem) -> Range<Int> {
        let start = index
        try expect(byte: UInt8(ascii: "\""), what: "a string")
        while true {
            skipPlainASCII()
            guard let byte = current else { break }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return start..<index
            case UInt8(ascii: "\\"):
                try escape()
            case 0x00..<0x20:
                throw problem("a control character must be escaped", zh: "控制字符必须转义")
            case 0x80...:
                if !skipCommonThreeByteSequences() { try utf8Sequence() }
            default:
                index += 1
            }
        }
        throw problem("the string is not closed", zh: "字符串没有结束引号")
    }

    /// Skips bytes that need no look inside a string — printable ASCII other than `"` and `\`,
    /// nearly every byte of a line — eight at a time, stopping on the first byte that does.
    private mutating func skipPlainASCII() {
        guard let base = bytes.baseAddress else { return }
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let ones: UInt64 = 0x0101_0101_0101_0101, highBits: UInt64 = 0x8080_8080_8080_8080
            // The high bit of each byte below `n` (n ≤ 0x80) is set, and perhaps of some bytes
            // after it, never before: the lowest set bit is exact ("Bit Twiddling Hacks").
            func below(_ word: UInt64, _ n: UInt64) -> UInt64 { (word &- n &* ones) & ~word & highBits }
            let quote = below(word ^ (0x22 &* ones), 1), backslash = below(word ^ (0x5C &* ones), 1)
            let special = below(word, 0x20) | quote | backslash | (word & highBits)
            guard special == 0 else {
                index += special.trailingZeroBitCount / 8
                return
            }
            index += 8
        }
    }

    /// Skips a run of three-byte UTF-8 sequences whose lead byte is E1–EC or EE–EF — nearly
    /// all Chinese text — checking only that two continuation bytes follow: with those leads,
    /// any continuation bytes spell a scalar that is neither overlong nor a surrogate.
    /// Returns false when it skipped nothing, so ``utf8Sequence()`` checks that byte in full.
    ///
    /// Every Chinese character otherwise took a mispredicted turn through the string's switch
    /// and the general decoder; archives are mostly Chinese names and titles.
    private mutating func skipCommonThreeByteSequences() -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let start = index
        while index + 3 <= bytes.count {
            let lead = base.load(fromByteOffset: index, as: UInt8.self)
            let continuations = base.loadUnaligned(fromByteOffset: index + 1, as: UInt16.self)
            guard lead >= 0xE1, lead != 0xED, lead <= 0xEF, continuations & 0xC0C0 == 0x8080 else { break }
            index += 3
        }
        return index != start
    }

    mutating func nullOrString() throws(LineProblem) -> Range<Int>? {
        if current == UInt8(ascii: "n") {
            try expect(Self.nullLiteral, what: "null")
            return nil
        }
        return try string()
    }

    /// A string of 64 lower-case hexadecimal digits; returns the digits' range and their value.
    ///
    /// Decoding the digits checks them too, so they are not scanned as a string first; only
    /// when they are not all there does the string's own reading say what is wrong instead.
    mutating func hexHash() throws(LineProblem) -> (digits: Range<Int>, value: Hash256) {
        let start = index
        let digits = start + 1..<start + 65
        if digits.upperBound < bytes.count, bytes[start] == UInt8(ascii: "\""), bytes[digits.upperBound] == UInt8(ascii: "\""),
           let value = Hash256(hexDigits: UnsafeRawBufferPointer(rebasing: bytes[digits])) {
            index = digits.upperBound + 1
            return (digits, value)
        }
        _ = try string()
        index = start
        throw problem("expected 64 lower-case hexadecimal digits", zh: "此处应为 64 位小写十六进制数")
    }

    /// `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, or `\u00xx` (lower-case) for the other
    /// control characters: what Python writes, and nothing else.
    private mutating func escape() throws(LineProblem) {
        guard index + 1 < bytes.count else { throw problem("the string is not closed", zh: "字符串没有结束引号") }
        switch bytes[index + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            index += 2
        case UInt8(ascii: "u"):
            guard index + 6 <= bytes.count, bytes[index + 2] == UInt8(ascii: "0"), bytes[index + 3] == UInt8(ascii: "0"),
                  let high = Self.hexValue(bytes[index + 4]), let low = Self.hexValue(bytes[index + 5]), high < 2,
                  ![0x08, 0x09, 0x0A, 0x0C, 0x0D].contains(high << 4 | low)
            else { throw problem("\\u escapes are only for control characters without a short escape", zh: "\\u 转义只用于没有短转义的控制字符") }
            index += 6
        default:
            throw problem("not a canonical escape", zh: "不是规范的转义")
        }
    }

    /// One well-formed UTF-8 sequence of two to four bytes (no overlong forms, no surrogates).
    private mutating func utf8Sequence() throws(LineProblem) {
        let lead = bytes[index]
        let length: Int
        var minimum: UInt32
        var scalar: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
        default: throw problem("invalid UTF-8", zh: "UTF-8 编码无效")
        }
        guard index + length <= bytes.count else { throw problem("invalid UTF-8", zh: "UTF-8 编码无效") }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { throw problem("invalid UTF-8", zh: "UTF-8 编码无效") }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
        }
        guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
            throw problem("invalid UTF-8", zh: "UTF-8 编码无效")
        }
        index += length
    }

    /// An integer without sign for zero, leading zeros, fraction or exponent, within Int64.
    mutating func integer() throws(LineProblem) -> Int64 {
        let start = index
        let negative = current == UInt8(ascii: "-")
        if negative { index += 1 }
        var magnitude: UInt64 = 0
        let digitsStart = index
        while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { throw problem("the integer is too large", zh: "整数过大") }
            magnitude = sum
            index += 1
        }
        let digits = index - digitsStart
        let leadingZero = digits > 1 && bytes[digitsStart] == UInt8(ascii: "0")
        guard digits > 0, !leadingZero, !(negative && magnitude == 0) else {
            index = start
            throw problem("not a canonical integer", zh: "不是规范的整数")
        }
        if let byte = current, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            throw problem("only whole numbers are allowed", zh: "只允许整数")
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { throw problem("the integer is too large", zh: "整数过大") }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { throw problem("the integer is too large", zh: "整数过大") }
        return Int64(magnitude)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }

    /// Whether key `left` sorts strictly before key `right` by code point, as Python's
    /// `sort_keys` orders them (UTF-8 byte order is code-point order).
    ///
    /// Keys are short and hardly ever escaped, so they are compared byte by byte up to the
    /// first difference, unescaped only when a `\\` comes first. Up to there the bytes are
    /// plain UTF-8 in both, and an escape is never a prefix of another character's spelling,
    /// so the first differing byte, or one key ending first, orders them as their text.
    private static func isOrdered(_ left: Range<Int>, before right: Range<Int>, in bytes: UnsafeRawBufferPointer) -> Bool {
        let a = UnsafeRawBufferPointer(rebasing: bytes[left.lowerBound + 1..<left.upperBound - 1])
        let b = UnsafeRawBufferPointer(rebasing: bytes[right.lowerBound + 1..<right.upperBound - 1])
        for offset in 0..<min(a.count, b.count) {
            let (x, y) = (a[offset], b[offset])
            if x == UInt8(ascii: "\\") || y == UInt8(ascii: "\\") {
                return Array(unescapedString(bytes, left).utf8).lexicographicallyPrecedes(Array(unescapedString(bytes, right).utf8))
            }
            if x != y { return x < y }
        }
        return a.count < b.count
    }

    /// The text of a canonical string literal at `range` (quotes included).
    static func unescapedString(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        let inner = UnsafeRawBufferPointer(rebasing: bytes[range.lowerBound + 1..<range.upperBound - 1])
        guard hasEscape(inner) else { return String(decoding: inner, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(inner.count)
        var index = 0
        while index < inner.count {
            let byte = inner[index]
            guard byte == UInt8(ascii: "\\") else { out.append(byte); index += 1; continue }
            switch inner[index + 1] {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                out.append(hexValue(inner[index + 4])! << 4 | hexValue(inner[index + 5])!)
                index += 4
            default: out.append(inner[index + 1])
            }
            index += 2
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Whether the inside of a string literal holds a `\`.
private func hasEscape(_ inner: UnsafeRawBufferPointer) -> Bool {
    inner.count > 0 && memchr(inner.baseAddress!, Int32(UInt8(ascii: "\\")), inner.count) != nil
}
