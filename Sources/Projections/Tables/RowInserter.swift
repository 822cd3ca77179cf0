import GRDB
import GRDBSQLite

/// An `INSERT` run once per row, its values bound through SQLite's C API.
///
/// A rebuild inserts more than a million total rows at once; GRDB's `StatementArguments`
/// boxes every value as an existential in an array, which cost those inserts more than
/// SQLite's own work. A failure still comes back as GRDB's `DatabaseError`.
struct RowInserter {
    /// One value of a row.
    enum Value {
        case text(String)
        case integer(Int)
        case null
    }

    private let statement: Statement

    init(_ sql: String, in db: Database) throws {
        statement = try db.makeStatement(sql: sql)
    }

    func insert(_ values: Value...) throws {
        let handle = statement.sqliteStatement
        for (index, value) in values.enumerated() {
            let column = Int32(index + 1)
            switch value {
            case .text(var text):
                // SQLite copies the bytes (SQLITE_TRANSIENT): they need not outlive the call.
                text.withUTF8 { bytes in
                    if let start = bytes.baseAddress {
                        let characters = UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self)
                        _ = sqlite3_bind_text(handle, column, characters, Int32(bytes.count), Self.transient)
                    } else {
                        // A null pointer would bind NULL, not an empty text.
                        _ = sqlite3_bind_text(handle, column, "", 0, Self.transient)
                    }
                }
            case .integer(let number):
                sqlite3_bind_int64(handle, column, Int64(number))
            case .null:
                sqlite3_bind_null(handle, column)
            }
        }
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))),
                sql: statement.sql)
        }
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
