/// `dangjian warnings --format json`, written by hand.
///
/// The output is byte for byte what `JSONEncoder` gives with `.sortedKeys`, `.prettyPrinted`
/// and `.withoutEscapingSlashes` (the reports' settings; a test compares the two), so
/// scripts see no difference. Written by hand because on a district the generic encoder
/// took about 8 % of the whole command's time for some 6,000 warnings of ten fields each.
public enum WarningsJSON {
    /// One pretty-printed array, without a final line break.
    public static func array(_ warnings: [Warning]) -> String {
        guard !warnings.isEmpty else { return "[\n\n]" }
        var out: [UInt8] = []
        out.reserveCapacity(warnings.count * 600)
        out.append(contentsOf: "[\n".utf8)
        for (index, warning) in warnings.enumerated() {
            if index > 0 { out.append(contentsOf: ",\n".utf8) }
            // Keys in sorted order, as `.sortedKeys` gives them.
            out.append(contentsOf: "  {\n".utf8)
            field("acknowledged", warning.acknowledged ? "true" : "false", into: &out)
            field("basis", string: warning.basis, into: &out)
            field("key", string: warning.key, into: &out)
            field("message", string: warning.message, into: &out)
            field("org", string: warning.org, into: &out)
            field("period", string: warning.period, into: &out)
            field("rule", string: warning.rule, into: &out)
            field("severity", string: warning.severity.rawValue, into: &out)
            field("since", string: warning.since, into: &out)
            field("subject", string: warning.subject, into: &out, last: true)
            out.append(contentsOf: "  }".utf8)
        }
        out.append(contentsOf: "\n]".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    private static func field(_ name: String, string value: String?, into out: inout [UInt8], last: Bool = false) {
        if let value {
            field(name, into: &out, last: last) { appendQuoted(value, to: &$0) }
        } else {
            field(name, "null", into: &out, last: last)
        }
    }

    private static func field(_ name: String, _ literal: String, into out: inout [UInt8], last: Bool = false) {
        field(name, into: &out, last: last) { $0.append(contentsOf: literal.utf8) }
    }

    private static func field(_ name: String, into out: inout [UInt8], last: Bool, value: (inout [UInt8]) -> Void) {
        out.append(contentsOf: "    \"".utf8)
        out.append(contentsOf: name.utf8)
        out.append(contentsOf: "\" : ".utf8)
        value(&out)
        out.append(contentsOf: last ? "\n".utf8 : ",\n".utf8)
    }

    /// RFC 8259 escaping as Foundation does it: quote, backslash and control characters;
    /// everything else, slashes and non-ASCII text included, as it is.
    private static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case 0x08: out.append(contentsOf: #"\b"#.utf8)
            case 0x0C: out.append(contentsOf: #"\f"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20:
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
