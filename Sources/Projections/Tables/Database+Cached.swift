import EventStore
import GRDB

extension Database {
    /// Runs one statement through the connection's statement cache: projections run the
    /// same few statements for every event, so compiling each once matters.
    func executeCached(sql: String, arguments: StatementArguments = []) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}

/// Lists of ids handed to SQLite's `json_each`, so one statement inserts a row per id.
enum JSONIDs {
    static func array(_ ids: [String]) -> String {
        CanonicalJSON.string(of: .array(ids.map(JSONValue.string)))
    }
}
