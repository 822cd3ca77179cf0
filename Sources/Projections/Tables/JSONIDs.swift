import EventStore

/// Lists of ids handed to SQLite's `json_each`, so one statement inserts a row per id.
enum JSONIDs {
    static func array(_ ids: [String]) -> String {
        CanonicalJSON.string(of: .array(ids.map(JSONValue.string)))
    }
}
