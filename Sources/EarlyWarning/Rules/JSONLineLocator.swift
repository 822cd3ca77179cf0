import Foundation

/// A place in a text file, for messages: 1-based line and column, the column counted in
/// characters (a Chinese character is one), not bytes.
struct TextPosition: Equatable {
    var line: Int
    var column: Int

    init(offset: Int, in bytes: [UInt8]) {
        let before = bytes[..<min(offset, bytes.count)]
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        line = before.count(where: { $0 == UInt8(ascii: "\n") }) + 1
        // UTF-8 continuation bytes (10xxxxxx) do not start a character.
        column = before[lineStart...].count(where: { $0 & 0xC0 != 0x80 }) + 1
    }
}

/// Finds where the value at a JSON path starts, so an error in a rules file can name its
/// line and column.
///
/// Written by hand because Foundation's decoders report the coding path of a bad value but
/// not its position in the text. It reads text that `JSONSyntax` has passed.
struct JSONLineLocator {
    enum Component: Equatable {
        case key(String)
        case index(Int)
    }

    private let bytes: [UInt8]
    private var index = 0

    private init(text: [UInt8]) {
        bytes = text
    }

    /// Where the value at `path` starts; when the path is not in the text (a missing field),
    /// where its nearest ancestor that is starts.
    static func position(of path: [Component], in text: [UInt8]) -> TextPosition {
        for length in stride(from: path.count, through: 0, by: -1) {
            var locator = JSONLineLocator(text: text)
            if let offset = locator.find(path.prefix(length)) { return TextPosition(offset: offset, in: text) }
        }
        return TextPosition(offset: 0, in: text)
    }

    /// The offset of the value at `path`, or nil when the path is not in the text.
    private mutating func find(_ path: ArraySlice<Component>) -> Int? {
        skipWhitespace()
        guard let first = path.first else { return index < bytes.count ? index : nil }
        guard index < bytes.count else { return nil }
        switch (bytes[index], first) {
        case (UInt8(ascii: "{"), .key(let wanted)):
            index += 1
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
                let key = readString()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                index += 1
                if key == wanted { return find(path.dropFirst()) }
                guard skipValue(), advance(past: UInt8(ascii: ",")) else { return nil }
            }
        case (UInt8(ascii: "["), .index(let wanted)):
            index += 1
            for _ in 0..<wanted {
                guard skipValue(), advance(past: UInt8(ascii: ",")) else { return nil }
            }
            return find(path.dropFirst())
        default:
            return nil
        }
    }

    private mutating func advance(past separator: UInt8) -> Bool {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == separator else { return false }
        index += 1
        return true
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) {
            index += 1
        }
    }

    /// Reads a string starting at its opening quote; returns its value, escapes decoded (a
    /// name may be written `"rul\u0065s"`).
    private mutating func readString() -> String {
        index += 1
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        let raw = bytes[start..<min(index, bytes.count)]
        index += 1
        guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
        return (try? JSONDecoder().decode(String.self, from: Data([UInt8(ascii: "\"")] + raw + [UInt8(ascii: "\"")])))
            ?? String(decoding: raw, as: UTF8.self)
    }

    /// Skips one value of any kind; false at malformed text.
    private mutating func skipValue() -> Bool {
        skipWhitespace()
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            _ = readString()
            return true
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""): _ = readString(); continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
                default: break
                }
                index += 1
                if depth == 0 { return true }
            }
            return false
        default:
            while index < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) {
                index += 1
            }
            return true
        }
    }
}
