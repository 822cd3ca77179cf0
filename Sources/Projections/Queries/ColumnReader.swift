import GRDB
import GRDBSQLite
import PartyBuilding

/// The columns of the row a statement stands on, read straight from SQLite.
///
/// The warnings read tens of thousands of rows per rule; through GRDB's generic `Row`
/// subscripts each row cost about a microsecond of generic dispatch and reference counting,
/// several times what SQLite spends producing it. This reads the same values by index.
struct ColumnReader {
    let statement: SQLiteStatement

    func string(_ column: Int32) -> String {
        optionalString(column) ?? ""
    }

    func optionalString(_ column: Int32) -> String? {
        guard let text = sqlite3_column_text(statement, column) else { return nil }
        return String(cString: text)
    }

    func int(_ column: Int32) -> Int {
        Int(sqlite3_column_int64(statement, column))
    }

    /// A `YYYY-MM-DD` column as a date, parsed in place.
    func date(_ column: Int32) -> CalendarDate? {
        bytes(column).flatMap(CalendarDate.init(utf8:))
    }

    /// A `YYYY-MM` column as a month, parsed in place.
    func yearMonth(_ column: Int32) -> YearMonth? {
        bytes(column).flatMap(YearMonth.init(utf8:))
    }

    /// A text column's place in `lookup`, found without making a string of it.
    func position(_ column: Int32, in lookup: IDLookup) -> Int? {
        bytes(column).flatMap(lookup.position(of:))
    }

    /// A text column's place in `lookup`, for rows read in the column's order.
    func position(_ column: Int32, in lookup: IDLookup, from cursor: inout IDLookup.Cursor) -> Int? {
        guard let bytes = bytes(column) else { return nil }
        return lookup.position(of: bytes, from: &cursor)
    }

    private func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard let text = sqlite3_column_text(statement, column) else { return nil }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column)))
    }
}

extension Database {
    /// Runs a query and hands each row to `body` (see ``ColumnReader`` for why not `Row`).
    func forEachRow(_ sql: String, arguments: StatementArguments = [], _ body: (ColumnReader) throws -> Void) throws {
        let statement = try cachedStatement(sql: sql)
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        let reader = ColumnReader(statement: statement.sqliteStatement)
        while try rows.next() != nil {
            try body(reader)
        }
    }
}
