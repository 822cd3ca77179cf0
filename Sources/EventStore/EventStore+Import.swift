import Bilingual
import GRDB

extension EventStore {
    /// Appends events recorded elsewhere — read back from an archive — exactly as they were:
    /// same positions, times and hashes. Each must continue the chain where this store ends
    /// (position head + 1, `prev_hash` equal to the head's hash, stream version next in its
    /// stream) and carry the hash its fields call for. All of them are written, or none.
    ///
    /// Inline projectors see them as they would see a fresh append.
    public func appendVerbatim(_ events: [RecordedEvent]) throws {
        guard !events.isEmpty else { return }
        try writeTransaction { db in
            var verifier = ChainVerifier()
            if let head = try StoreSchema.head(in: db) {
                verifier.head = head
                verifier.checked = head.position
            }
            for event in events {
                if verifier.streamVersions[event.streamID] == nil {
                    verifier.streamVersions[event.streamID] = try Int64.fetchOne(
                        db.cachedStatement(sql: "SELECT max(stream_version) FROM events WHERE stream_id = ?"),
                        arguments: [event.streamID]) ?? 0
                }
                if let failure = verifier.check(event) {
                    throw EventStoreError.chainDoesNotContinue(position: failure.position, problem: failure.problem)
                }
                let statement = try db.cachedStatement(sql: StoreSchema.insertSQL)
                try statement.execute(arguments: event.databaseArguments)
            }
            for projector in projectors {
                try projector.apply(events, in: db)
            }
        }
    }
}
