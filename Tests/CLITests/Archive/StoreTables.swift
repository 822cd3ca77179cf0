import Foundation
import GRDB

/// Every table of a store other than the log itself, row by row, for comparing two stores'
/// query tables without knowing which tables the projections define.
enum StoreTables {
    /// Table name → its rows as text, sorted; the events, the consumers' checkpoints and the
    /// personal-data keys (which archives never carry) left out.
    static func dump(_ path: String) throws -> [String: [String]] {
        let database = try DatabaseQueue(path: path)
        return try database.read { db in
            let names = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                AND name NOT IN ('events', 'checkpoints', 'grdb_migrations', 'personal_keys') ORDER BY name
                """)
            var tables: [String: [String]] = [:]
            for name in names {
                tables[name] = try Row.fetchAll(db, sql: "SELECT * FROM \"\(name)\"").map(\.description).sorted()
            }
            return tables
        }
    }
}
