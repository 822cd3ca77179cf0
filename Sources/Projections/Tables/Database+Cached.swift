import GRDB

extension Database {
    /// Runs one statement through the connection's statement cache: projections run the
    /// same few statements for every event, so compiling each once matters.
    func executeCached(sql: String, arguments: StatementArguments = []) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}
