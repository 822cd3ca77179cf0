import Bilingual

/// A report laid out for people: titled columns and rows of text, rendered as an aligned
/// table by the command line or as CSV for spreadsheets (and audit archives).
public struct ReportTable: Sendable {
    public struct Column: Sendable {
        public var title: BilingualText
        public var numeric: Bool

        public init(_ zh: String, _ en: String, numeric: Bool = false) {
            title = BilingualText(zh: zh, en: en)
            self.numeric = numeric
        }
    }

    public var columns: [Column]
    public var rows: [[String]]

    public init(columns: [Column], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }

    /// RFC 4180 CSV with a header row, CRLF line ends.
    public func csv(in language: Language) -> String {
        var text = CSV.line(columns.map { $0.title.text(in: language) })
        for row in rows { CSV.append(row, to: &text) }
        return text
    }
}

/// Writing CSV that spreadsheets open safely.
public enum CSV {
    /// One record: fields quoted where needed, ending in CRLF.
    public static func line(_ fields: [String]) -> String {
        var text = ""
        append(fields, to: &text)
        return text
    }

    /// Appends one record to `text`: an archive's snapshots are a few hundred thousand
    /// records, written into one string rather than a string per record joined up.
    static func append(_ fields: [String], to text: inout String) {
        for (index, value) in fields.enumerated() {
            if index > 0 { text += "," }
            text += field(value)
        }
        text += "\r\n"
    }

    /// A field, quoted when it holds a comma, quote or line break. A text that a spreadsheet
    /// would run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return, and
    /// more than that one character; numbers excepted) is prefixed with `'` so it shows as
    /// text (OWASP, "CSV injection").
    ///
    /// Both tests look at bytes first, a field at a time by the million: the characters
    /// that matter are ASCII, and a field none of whose bytes is one of them needs no walk
    /// through its grapheme clusters (which decide, as before, when one of the bytes is there).
    public static func field(_ text: String) -> String {
        var value = text
        if let first = text.utf8.first, "=+-@\t\r".utf8.contains(first), text.utf8.count > 1, Double(text) == nil {
            value = "'" + value
        }
        guard value.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }),
              value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
        else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// How reports spell numbers and missing values in tables and CSV.
enum Cell {
    static func percent(_ rate: Double?) -> String {
        guard let rate else { return "-" }
        return String(Int((rate * 100).rounded())) + "%"
    }

    static func hours(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    static func optional(_ text: String?) -> String { text ?? "-" }
}
