import Foundation

/// A human-readable table stored in an archive for auditors who open it in a spreadsheet
/// (RFC 4180: comma-separated, CRLF line ends, UTF-8 with a byte-order mark so spreadsheet
/// programs read Chinese correctly).
public struct CSVDocument: Sendable, Equatable {
    /// The member name inside the archive, such as `reports/branches.csv`.
    public var name: String
    public var header: [String]
    public var rows: [[String]]

    public init(name: String, header: [String], rows: [[String]]) {
        self.name = name
        self.header = header
        self.rows = rows
    }

    /// The file's bytes.
    public func encoded() -> [UInt8] {
        var text = "\u{FEFF}"
        for row in [header] + rows {
            text += row.map(Self.cell).joined(separator: ",") + "\r\n"
        }
        return Array(text.utf8)
    }

    /// One cell, quoted when needed. A cell a spreadsheet would run as a formula (starting
    /// with `=`, `+`, `-`, `@`, tab or carriage return) is prefixed with `'` so it shows as
    /// text; a plain negative integer such as `-5` is left as it is.
    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first),
           text.wholeMatch(of: /-[0-9]+/) == nil {
            text = "'" + text
        }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            text = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}
