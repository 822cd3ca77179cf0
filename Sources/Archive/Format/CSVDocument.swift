/// A human-readable table stored in an archive for auditors who open it in a spreadsheet.
///
/// The CSV text comes from the reports' own writer (RFC 4180, CRLF line ends, formula-like
/// cells defused); the archive adds a UTF-8 byte-order mark so spreadsheet programs read
/// Chinese correctly.
public struct CSVDocument: Sendable, Equatable {
    /// The member name inside the archive, such as `reports/compliance.csv`.
    public var name: String
    /// The CSV text: a header row, then one line per row.
    public var csv: String

    public init(name: String, csv: String) {
        self.name = name
        self.csv = csv
    }

    /// The file's bytes.
    public func encoded() -> [UInt8] {
        Array("\u{FEFF}".utf8) + Array(csv.utf8)
    }
}
