import Bilingual

/// A strict reading of a rules file's JSON text (RFC 8259, in UTF-8) that finds the first
/// problem, where it is and how to fix it.
///
/// Foundation's parser is not enough on its own: it accepts what JSON does not (a trailing
/// comma, UTF-16, line breaks and NUL bytes inside strings, bytes that are not UTF-8 inside
/// a string no field reads, a repeated name) and names no place for some of what it refuses
/// (a truncated file, a number out of range, bad UTF-8 outside strings). So a rules file is
/// checked with this first, and Foundation decodes only text that passed.
///
/// Every number in a rules file counts months, days, hours or members, so a number must be
/// whole and fit in 64 bits (`JSONValue(parsing:)`, which looks for unknown fields, refuses
/// fractions too).
struct JSONSyntax {
    struct Problem: Error {
        /// The byte offset of the problem in the text.
        var offset: Int
        /// Where in the document it is, as far as the reading got.
        var path: [JSONLineLocator.Component]
        var message: BilingualText
    }

    /// Deeper than any rules file (4 levels), shallow enough for the recursion to be safe.
    static let maximumDepth = 512

    private enum Container {
        case object, array

        var closing: Character { self == .object ? "}" : "]" }
        var name: BilingualText { self == .object ? BilingualText(zh: "对象", en: "object") : BilingualText(zh: "数组", en: "array") }
    }

    private let bytes: [UInt8]
    private var index = 0
    private var path: [JSONLineLocator.Component] = []
    /// The containers open around `index`, with the offset of their opening bracket.
    private var open: [(container: Container, offset: Int)] = []

    /// The first problem in `bytes`, or nil when they are one well-formed JSON value.
    static func firstProblem(in bytes: [UInt8]) -> Problem? {
        var reader = JSONSyntax(bytes: bytes)
        do {
            try reader.document()
            return nil
        } catch {
            return error as? Problem
        }
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func document() throws {
        skipWhitespace()
        guard index < bytes.count else {
            throw problem(at: index, zh: "文件是空的：规则文件是一个 JSON 对象，可从 `dangjian rules show --format json` 的输出改起",
                          en: "the file is empty: a rules file is one JSON object; start from the output of `dangjian rules show --format json`")
        }
        try value()
        skipWhitespace()
        if index < bytes.count {
            throw problem(at: index, zh: "JSON 值结束后还有内容（\(found(at: index).zh)）：请删去", en: "more text after the end of the JSON value (\(found(at: index).en)): remove it")
        }
    }

    private mutating func value() throws {
        skipWhitespace()
        guard index < bytes.count else { throw endOfFile() }
        switch bytes[index] {
        case UInt8(ascii: "{"): try object()
        case UInt8(ascii: "["): try array()
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"): try literal()
        default: throw unexpected(at: index, expecting: BilingualText(zh: "一个值", en: "a value"))
        }
    }

    private mutating func object() throws {
        try enter(.object)
        var names: [String: Int] = [:]
        var comma: Int?
        while try !closes(.object, afterComma: comma) {
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw unexpected(at: index, expecting: BilingualText(zh: "双引号中的字段名", en: "a name in double quotes"))
            }
            let nameOffset = index
            let name = try string()
            if let earlier = names[name] {
                throw problem(at: nameOffset, zh: "字段名“\(name)”在此对象中出现了两次（另一次在第 \(line(of: earlier)) 行）：请只保留一个",
                              en: "the name \"\(name)\" appears twice in this object (also on line \(line(of: earlier))): keep one")
            }
            names[name] = nameOffset
            skipWhitespace()
            guard index < bytes.count else { throw endOfFile() }
            guard bytes[index] == UInt8(ascii: ":") else {
                throw unexpected(at: index, expecting: BilingualText(zh: "字段名“\(name)”后的“:”", en: "':' after the name \"\(name)\""))
            }
            index += 1
            path.append(.key(name))
            try value()
            path.removeLast()
            guard try separator(after: BilingualText(zh: "“\(name)”的值", en: "the value of \"\(name)\""), in: .object) else { break }
            comma = index - 1
        }
        leave()
    }

    private mutating func array() throws {
        try enter(.array)
        var count = 0
        var comma: Int?
        while try !closes(.array, afterComma: comma) {
            path.append(.index(count))
            try value()
            path.removeLast()
            count += 1
            guard try separator(after: BilingualText(zh: "数组元素", en: "an element"), in: .array) else { break }
            comma = index - 1
        }
        leave()
    }

    /// Where a member or element may start: true (and past it) at the container's closing
    /// bracket, which may not follow a comma.
    private mutating func closes(_ container: Container, afterComma comma: Int?) throws -> Bool {
        skipWhitespace()
        guard index < bytes.count else { throw endOfFile() }
        guard Character(UnicodeScalar(bytes[index])) == container.closing else { return false }
        if let comma { throw trailingComma(at: comma, before: container) }
        index += 1
        return true
    }

    /// After a member or element: true past a comma (another follows), false past the closing bracket.
    private mutating func separator(after what: BilingualText, in container: Container) throws -> Bool {
        skipWhitespace()
        guard index < bytes.count else { throw endOfFile() }
        let byte = bytes[index]
        guard byte == UInt8(ascii: ",") || Character(UnicodeScalar(byte)) == container.closing else {
            throw unexpected(
                at: index, expecting: BilingualText(zh: "\(what.zh)之后的“,”或“\(container.closing)”", en: "',' or '\(container.closing)' after \(what.en)"),
                otherwise: BilingualText(zh: "：两项之间要用逗号隔开", en: ": put a comma between two \(container == .object ? "members" : "elements")"))
        }
        index += 1
        return byte == UInt8(ascii: ",")
    }

    private mutating func enter(_ container: Container) throws {
        guard open.count < Self.maximumDepth else {
            // Without its path: 512 steps would bury the message.
            throw Problem(offset: index, path: [], message: BilingualText(
                zh: "嵌套超过 \(Self.maximumDepth) 层：规则文件只有 4 层，请检查括号是否配对",
                en: "nested deeper than \(Self.maximumDepth) levels, where a rules file has 4: check that its brackets are paired"))
        }
        open.append((container, index))
        index += 1
    }

    private mutating func leave() {
        open.removeLast()
    }

    /// Reads a string from its opening quote and returns its value.
    private mutating func string() throws -> String {
        let start = index
        index += 1
        var scalars = String.UnicodeScalarView()
        while true {
            guard index < bytes.count else {
                throw problem(at: start, zh: "从这里开始的字符串没有结束：请补上结尾的“\"”", en: "the string starting here is not closed: add its closing '\"'")
            }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                scalars.append(try escape())
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                throw problem(at: start, zh: "从这里开始的字符串到行尾仍未结束：请在同一行补上结尾的“\"”（字符串中的换行写作 \\n）",
                              en: "the string starting here runs to the end of its line: close it with '\"' on the same line (a line break inside a string is written \\n)")
            case 0:
                throw nulByte(at: index)
            case 0x01..<0x20:
                let code = "U+" + String(byte, radix: 16, uppercase: true).leftPadded(to: 4)
                throw problem(at: index, zh: "字符串中有控制字符 \(code)：请写成转义形式，如 \\t 或 \\u\(code.dropFirst(2))",
                              en: "a control character (\(code)) inside a string: write it as an escape, such as \\t or \\u\(code.dropFirst(2))")
            case 0x20..<0x80:
                scalars.append(Unicode.Scalar(byte))
                index += 1
            default:
                guard let scalar = scalar(at: index) else { throw notUTF8(at: index) }
                scalars.append(scalar.value)
                index += scalar.length
            }
        }
    }

    /// Reads an escape from its backslash.
    private mutating func escape() throws -> Unicode.Scalar {
        let start = index
        index += 1
        guard index < bytes.count else { throw endOfFile() }
        let letter = bytes[index]
        index += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return Unicode.Scalar(letter)
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try hexUnit(escapeAt: start)
            switch unit {
            case 0xD800...0xDBFF:
                // A high surrogate: the low one must follow as another \u escape.
                if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                    index += 2
                    let low = try hexUnit(escapeAt: index - 2)
                    if (0xDC00...0xDFFF).contains(low) {
                        return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))!
                    }
                }
                throw loneSurrogate(at: start)
            case 0xDC00...0xDFFF:
                throw loneSurrogate(at: start)
            default:
                return Unicode.Scalar(unit)!
            }
        default:
            throw problem(at: start, zh: "“\\\(found(at: start + 1).zh)”不是 JSON 的转义：反斜杠本身写作 \\\\",
                          en: "'\\' followed by \(found(at: start + 1).en) is not a JSON escape: write a backslash itself as \\\\")
        }
    }

    /// The four hex digits after `\u`.
    private mutating func hexUnit(escapeAt start: Int) throws -> UInt32 {
        guard index + 4 <= bytes.count, let unit = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16),
              bytes[index..<index + 4].allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") }) else {
            throw problem(at: start, zh: "\\u 之后应为 4 位十六进制数字", en: "\\u must be followed by four hex digits")
        }
        index += 4
        return unit
    }

    private mutating func number() throws {
        let start = index
        func digits() -> Int {
            let first = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - first
        }
        func digitMustFollow(_ after: String) -> Problem {
            problem(at: index, zh: "“\(after)”之后应为数字，却是\(found(at: index).zh)", en: "a digit must follow '\(after)', found \(found(at: index).en)")
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        let integerDigits = digits()
        if integerDigits == 0 { throw digitMustFollow("-") }
        if integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") {
            throw problem(at: integerStart, zh: "数字不能以 0 开头：请去掉前面的 0", en: "a number does not start with 0: remove the leading zeros")
        }
        var whole = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            whole = false
            if digits() == 0 { throw digitMustFollow(".") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            whole = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            if digits() == 0 { throw digitMustFollow("e") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        // 6.0 and 1e2 are whole; Foundation reads them as 6 and 100.
        let fits = whole ? Int64(text) != nil : Double(text).map { $0.isFinite && $0.rounded() == $0 && abs($0) <= 9_007_199_254_740_992 } ?? false
        guard fits else {
            let isFraction = !whole && (Double(text).map { $0.isFinite && abs($0) <= 9_007_199_254_740_992 } ?? false)
            throw isFraction
                ? problem(at: start, zh: "\(text) 不是整数：规则里的数都是整数（月数、天数、学时、人数）",
                          en: "\(text) is not a whole number: every number in a rules file is whole (months, days, hours, members)")
                : problem(at: start, zh: "数字 \(text) 超出范围：规则里的数都是不大的整数（月数、天数、学时、人数）",
                          en: "the number \(text) is out of range: every number in a rules file is a small whole number (months, days, hours, members)")
        }
    }

    private mutating func literal() throws {
        for word in ["true", "false", "null"] where bytes[index...].starts(with: word.utf8) {
            index += word.utf8.count
            return
        }
        throw unexpected(at: index, expecting: BilingualText(zh: "一个值", en: "a value"))
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    // MARK: Problems

    private func problem(at offset: Int, zh: String, en: String) -> Problem {
        Problem(offset: offset, path: path, message: BilingualText(zh: zh, en: en))
    }

    private func line(of offset: Int) -> Int {
        TextPosition(offset: offset, in: bytes).line
    }

    /// The file ends inside something: named with the innermost container still open.
    private func endOfFile() -> Problem {
        guard let (container, offset) = open.last else {
            return problem(at: bytes.count, zh: "文件在一个值的中间结束：文件不完整，请补全", en: "the file ends in the middle of a value: it is cut short; complete it")
        }
        return problem(
            at: bytes.count,
            zh: "文件在第 \(line(of: offset)) 行开始的\(container.name.zh)中结束：文件不完整，请补全，或用“\(container.closing)”把它结束",
            en: "the file ends inside the \(container.name.en) opened on line \(line(of: offset)): it is cut short; complete it, or close the \(container.name.en) with '\(container.closing)'")
    }

    private func trailingComma(at offset: Int, before container: Container) -> Problem {
        problem(at: offset, zh: "“\(container.closing)”之前多了一个逗号：请删去", en: "a comma before '\(container.closing)': remove it (JSON allows none after the last \(container == .object ? "member" : "element"))")
    }

    private func loneSurrogate(at offset: Int) -> Problem {
        problem(at: offset, zh: "这个 \\u 转义只是代理对的一半：请直接写出该字符，或写全两半",
                en: "this \\u escape is half of a surrogate pair without its other half: write the character itself, or both halves")
    }

    private func nulByte(at offset: Int) -> Problem {
        problem(at: offset, zh: "含有 NUL 字节，文本文件中不会有：文件是二进制或 UTF-16 的，请另存为 UTF-8",
                en: "a NUL byte, which no text holds: the file is binary or UTF-16; save it as UTF-8")
    }

    private func notUTF8(at offset: Int) -> Problem {
        let byte = "0x" + String(bytes[offset], radix: 16, uppercase: true)
        return problem(at: offset, zh: "有不属于 UTF-8 的字节（\(byte)）：请把文件另存为 UTF-8",
                       en: "bytes that are not UTF-8 (\(byte)): save the file as UTF-8")
    }

    /// Something other than what the grammar allows here, with a hint for the usual slips, or
    /// `otherwise`.
    private func unexpected(at offset: Int, expecting: BilingualText, otherwise: BilingualText = BilingualText(zh: "", en: "")) -> Problem {
        if bytes[offset] == 0 { return nulByte(at: offset) }
        guard let scalar = scalar(at: offset) else { return notUTF8(at: offset) }
        let hint: BilingualText
        switch Character(scalar.value) {
        case "'": hint = BilingualText(zh: "：字符串和字段名用双引号", en: ": names and strings take double quotes")
        case "/": hint = BilingualText(zh: "：JSON 中没有注释，请删去", en: ": JSON has no comments; remove it")
        case "T", "F", "N": hint = BilingualText(zh: "：true、false、null 都是小写", en: ": true, false and null are written in lower case")
        case let wide where Self.fullWidth[wide] != nil:
            hint = BilingualText(zh: "：这是全角标点，请改用半角的“\(Self.fullWidth[wide]!)”", en: ": a full-width mark from a Chinese input method; write the ASCII '\(Self.fullWidth[wide]!)'")
        default: hint = otherwise
        }
        return problem(at: offset, zh: "此处应为\(expecting.zh)，却是\(found(at: offset).zh)\(hint.zh)", en: "expected \(expecting.en), found \(found(at: offset).en)\(hint.en)")
    }

    private static let fullWidth: [Character: Character] = ["，": ",", "：": ":", "“": "\"", "”": "\"", "｛": "{", "｝": "}", "［": "[", "］": "]"]

    /// What is at `offset`, for a message: a character, a control character's code, or the end.
    private func found(at offset: Int) -> BilingualText {
        guard offset < bytes.count else { return BilingualText(zh: "文件结尾", en: "the end of the file") }
        guard let scalar = scalar(at: offset) else {
            return BilingualText(zh: "字节 0x" + String(bytes[offset], radix: 16, uppercase: true), en: "the byte 0x" + String(bytes[offset], radix: 16, uppercase: true))
        }
        if scalar.value.value < 0x20 {
            let code = "U+" + String(scalar.value.value, radix: 16, uppercase: true).leftPadded(to: 4)
            return BilingualText(zh: "控制字符 \(code)", en: "the control character \(code)")
        }
        return BilingualText(zh: "“\(Character(scalar.value))”", en: "'\(Character(scalar.value))'")
    }

    /// The UTF-8 character at `offset` and its length in bytes, or nil for bytes that are not UTF-8.
    private func scalar(at offset: Int) -> (value: Unicode.Scalar, length: Int)? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes[offset..<min(bytes.count, offset + 4)].makeIterator()
        guard case .valid(let encoded) = parser.parseScalar(from: &iterator) else { return nil }
        return (Unicode.UTF8.decode(encoded), encoded.count)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
