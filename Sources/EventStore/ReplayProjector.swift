import GRDB

/// Derived tables rebuilt by replaying the whole log.
///
/// The work that needs no database (decoding payloads) is split from the writes, so that a
/// replay does it on another core while the previous batch is written.
public protocol ReplayProjector: Sendable {
    associatedtype Prepared: Sendable
    /// Turns a batch of events into what `apply` writes; runs on a background thread.
    func prepare(_ events: [RecordedEvent]) throws -> Prepared
    /// Writes one prepared batch, in log order, inside the replay's transaction.
    func apply(prepared: Prepared, in db: Database) throws
}
