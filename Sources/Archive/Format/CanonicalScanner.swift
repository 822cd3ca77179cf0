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

    /// `true`, `false` or `null`.
    @inline(__always)
    mutating func expect(_ literal: StaticString) throws(LineProblem) {
        guard isAt(literal) else { throw expected("\(literal)") }
        index += literal.utf8CodeUnitCount
    }

    /// An envelope member's key with the `{` or `,` before it and the `:` after, such as
    /// `,"hash":`; a failure names the member.
    @inline(__always)
    mutating func expectKey(_ key: StaticString) throws(LineProblem) {
        guard isAt(key) else { throw missingKey(key) }
        index += key.utf8CodeUnitCount
    }

    /// Whether the bytes at `index` spell `literal`. Inlined where the literal is a constant,
    /// which makes the comparison a few 8-byte compares with immediates.
    @inline(__always)
    private func isAt(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        return index + count <= bytes.count
            && equalBytes(UnsafeRawBufferPointer(start: literal.utf8Start, count: count), UnsafeRawBufferPointer(rebasing: bytes[index..<index + count]))
    }

    /// Kept out of line so that the inlined ``expectKey(_:)`` stays small.
    @inline(never)
    private func missingKey(_ key: StaticString) -> LineProblem {
        let member = String(decoding: UnsafeRawBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount).dropFirst(), as: UTF8.self)
        return problem("expected the member \(member)", zh: "此处应为 the member \(member)")
    }

    /// Inlined, with its failure out of line: it opens every string.
    @inline(__always)
    mutating func expect(byte: UInt8, what: @autoclosure () -> String) throws(LineProblem) {
        guard current == byte else { throw expected(what()) }
        index += 1
    }

    @inline(never)
    private func expected(_ what: String) -> LineProblem {
        problem("expected \(what)", zh: "此处应为 \(what)")
    }

    /// Any canonical value; returns its byte range.
    mutating func value() throws(LineProblem) -> Range<Int> {
        let start = index
        guard let byte = current else { throw problem("expected a JSON value", zh: "此处应为 JSON 值") }
        switch byte {
        case UInt8(ascii: "{"): try object()
        case UInt8(ascii: "["): try array()
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try expect("true")
        case UInt8(ascii: "f"): try expect("false")
        case UInt8(ascii: "n"): try expect("null")
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
            try element()
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
            try element()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; depth -= 1; return
            default: throw problem("expected , or ] (no spaces in canonical JSON)", zh: "此处应为 , 或 ]（规范 JSON 不含空格）")
            }
        }
    }

    /// A member's value or an array's element. Most are strings, read here inline rather
    /// than through the call to ``value()`` and its turn on the first byte.
    @inline(__always)
    private mutating func element() throws(LineProblem) {
        if current == UInt8(ascii: "\"") { _ = try string() } else { _ = try value() }
    }

    private mutating func enter() throws(LineProblem) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw problem("nested too deeply", zh: "嵌套过深") }
    }

    /// A string in canonical spelling; returns its range, quotes included.
    ///
    /// Inlined where it is called, since most strings are plain ASCII read whole by
    /// ``skipPlainASCII()``: a call per string, forty strings a line, cost as much as reading them.
    @inline(__always)
    mutating func string() throws(LineProblem) -> Range<Int> {
        let start = index
        try expect(byte: UInt8(ascii: "\""), what: "a string")
        if skipPlainASCII() {
            index += 1
            return start..<index
        }
        return try restOfString(from: start)
    }

    /// The rest of the string that opens at `start`, from the first byte that
    /// ``skipPlainASCII()`` did not skip (every byte, in a line shorter than a word).
    @inline(never)
    private mutating func restOfString(from start: Int) throws(LineProblem) -> Range<Int> {
        while let byte = current {
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
            if skipPlainASCII() {
                index += 1
                return start..<index
            }
        }
        throw problem("the string is not closed", zh: "字符串没有结束引号")
    }

    /// Skips bytes that need no look inside a string — printable ASCII other than `"` and `\`,
    /// nearly every byte of a line — eight at a time, stopping on the first byte that does.
    /// Returns true when that byte is a `"`, the string's end: most strings are short, and
    /// reading their end from the word already loaded saves looking at the byte again.
    ///
    /// Within the last eight bytes of the line the word is the line's last eight, shifted so
    /// that bytes past the end read as 0x00, which stops the skip like a control byte would.
    @inline(__always)
    private mutating func skipPlainASCII() -> Bool {
        guard let base = bytes.baseAddress, bytes.count >= 8 else { return false }
        var position = index
        defer { index = position }
        while position < bytes.count {
            let word = position + 8 <= bytes.count
                ? Self.word(base, at: position) : Self.word(base, at: bytes.count - 8) >> (8 * UInt64(position + 8 - bytes.count))
            let stop = SpecialBytes(word)
            guard stop.flags == 0 else {
                position += stop.first
                return stop.firstIsQuote
            }
            position += 8
        }
        return false
    }

    @inline(__always)
    private static func word(_ base: UnsafeRawPointer, at offset: Int) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// Which of eight string bytes (the first lowest) need a look: `"`, `\`, control bytes,
    /// and the bytes of non-ASCII characters.
    private struct SpecialBytes {
        /// The high bit of each byte that needs a look, exact up to the first such byte.
        let flags: UInt64
        /// The same of each `"`.
        let quotes: UInt64

        @inline(__always)
        init(_ word: UInt64) {
            quotes = CanonicalScanner.zeroBytes(word ^ CanonicalScanner.repeated(UInt8(ascii: "\"")))
            flags = CanonicalScanner.bytesBelow(word, 0x20) | quotes
                | CanonicalScanner.zeroBytes(word ^ CanonicalScanner.repeated(UInt8(ascii: "\\"))) | word & CanonicalScanner.repeated(0x80)
        }

        /// The offset of the first byte that needs a look (flags ≠ 0).
        var first: Int { flags.trailingZeroBitCount / 8 }

        /// Whether that byte is a `"`. Only the lowest flag is exact, but `flags` holds every
        /// flag of `quotes`: if its lowest is set in `quotes`, it is their lowest and exact too.
        var firstIsQuote: Bool { quotes & flags & (0 &- flags) != 0 }
    }

    /// `byte` in each of a word's eight bytes.
    @inline(__always)
    fileprivate static func repeated(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }

    /// The high bit of each byte of `word` below `n` (n ≤ 0x80) set, and perhaps of some
    /// bytes after it, never before: the lowest set bit is exact ("Bit Twiddling Hacks").
    @inline(__always)
    fileprivate static func bytesBelow(_ word: UInt64, _ n: UInt8) -> UInt64 {
        (word &- repeated(n)) & ~word & repeated(0x80)
    }

    /// The zero bytes of `word` (``bytesBelow(_:_:)`` 1); after XOR with a repeated byte, the
    /// bytes equal to it.
    @inline(__always)
    fileprivate static func zeroBytes(_ word: UInt64) -> UInt64 { bytesBelow(word, 1) }

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
        var position = index
        while position + 3 <= bytes.count {
            let lead = base.load(fromByteOffset: position, as: UInt8.self)
            let continuations = base.loadUnaligned(fromByteOffset: position + 1, as: UInt16.self)
            guard lead >= 0xE1, lead != 0xED, lead <= 0xEF, continuations & 0xC0C0 == 0x8080 else { break }
            position += 3
        }
        index = position
        return position != start
    }

    mutating func nullOrString() throws(LineProblem) -> Range<Int>? {
        if current == UInt8(ascii: "n") {
            try expect("null")
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
        // The position is kept in a register, not `index` (a store per digit).
        var position = index
        while position < bytes.count, case let digit = bytes[position] &- UInt8(ascii: "0"), digit < 10 {
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
            guard !overflow1, !overflow2 else {
                index = position
                throw problem("the integer is too large", zh: "整数过大")
            }
            magnitude = sum
            position += 1
        }
        index = position
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
    @inline(__always)
    private static func isOrdered(_ left: Range<Int>, before right: Range<Int>, in bytes: UnsafeRawBufferPointer) -> Bool {
        let a = UnsafeRawBufferPointer(rebasing: bytes[left.lowerBound + 1..<left.upperBound - 1])
        let b = UnsafeRawBufferPointer(rebasing: bytes[right.lowerBound + 1..<right.upperBound - 1])
        for offset in 0..<min(a.count, b.count) {
            let (x, y) = (a[offset], b[offset])
            if x == UInt8(ascii: "\\") || y == UInt8(ascii: "\\") { return isOrderedUnescaped(left, before: right, in: bytes) }
            if x != y { return x < y }
        }
        return a.count < b.count
    }

    /// ``isOrdered(_:before:in:)`` for keys with an escape, out of line: it is hardly ever needed.
    @inline(never)
    private static func isOrderedUnescaped(_ left: Range<Int>, before right: Range<Int>, in bytes: UnsafeRawBufferPointer) -> Bool {
        Array(unescapedString(bytes, left).utf8).lexicographicallyPrecedes(Array(unescapedString(bytes, right).utf8))
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
