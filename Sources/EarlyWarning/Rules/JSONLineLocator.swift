/// Finds the line on which the value at a JSON path starts, so an error in a rules file can
/// name its line.
///
/// Written by hand because Foundation's decoders report the coding path of a bad value but
/// not its position in the text.
struct JSONLineLocator {
    enum Component: Equatable {
        case key(String)
        case index(Int)
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1

    init(text: [UInt8]) {
        bytes = text
    }

    /// The 1-based line of the value at `path`, or nil when the path is not in the text.
    static func line(of path: [Component], in text: [UInt8]) -> Int? {
        var locator = JSONLineLocator(text: text)
        return locator.find(path[...])
    }

    private mutating func find(_ path: ArraySlice<Component>) -> Int? {
        skipWhitespace()
        guard let first = path.first else { return index < bytes.count ? line : nil }
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
            if bytes[index] == 0x0A { line += 1 }
            index += 1
        }
    }

    /// Reads a string starting at its opening quote; returns its raw text (escapes kept).
    private mutating func readString() -> String {
        index += 1
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        let text = String(decoding: bytes[start..<min(index, bytes.count)], as: UTF8.self)
        index += 1
        return text
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
                case 0x0A: line += 1
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
