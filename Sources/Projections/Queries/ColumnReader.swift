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

    /// A `YYYY-MM-DD` column as a date.
    func date(_ column: Int32) -> CalendarDate? {
        bytes(column).flatMap { CalendarDate(parsing: String(decoding: $0, as: UTF8.self)) }
    }

    /// A `YYYY-MM` column as a month.
    func yearMonth(_ column: Int32) -> YearMonth? {
        bytes(column).flatMap { YearMonth(parsing: String(decoding: $0, as: UTF8.self)) }
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
