import EventStore

/// The event every export appends to the log ("全留痕": the log shows each export), and
/// what `--since-last` and `archive list` read back.
public struct ExportRecord: Codable, Sendable, Equatable {
    public static let streamID = "archive"
    public static let eventType = "archive-exported"

    /// The archive's file name.
    public var archive: String
    public var archiveSHA256: String
    public var archiveSize: Int64
    public var hubID: String
    public var period: String?
    public var firstPosition: Int64
    public var lastPosition: Int64
    public var eventCount: Int64
    public var lastHash: String
    public var merkleRoot: String
    public var treeSize: Int64
    /// The frontier of the tree of size `treeSize`, so the next export need not re-read the log.
    public var frontier: [String]
    /// The signing key, in hex; absent for an unsigned archive.
    public var publicKey: String?
    public var createdAt: String

    enum CodingKeys: String, CodingKey {
        case archive, archiveSHA256 = "archive_sha256", archiveSize = "archive_size", hubID = "hub_id", period
        case firstPosition = "first_position", lastPosition = "last_position", eventCount = "event_count"
        case lastHash = "last_hash", merkleRoot = "merkle_root", treeSize = "tree_size", frontier
        case publicKey = "public_key", createdAt = "created_at"
    }
}

/// A recorded export: the record and the event that carries it.
public struct ExportHistoryEntry: Sendable {
    public var record: ExportRecord
    public var event: RecordedEvent
}

extension EventStore {
    /// Every export recorded in this store, oldest first.
    public func exportHistory() throws -> [ExportHistoryEntry] {
        var entries: [ExportHistoryEntry] = []
        var next: Int64 = 1
        while true {
            let batch = try readStream(ExportRecord.streamID, from: next, limit: 1000)
            for event in batch where event.type == ExportRecord.eventType {
                if let record = try? event.decodePayload(as: ExportRecord.self) {
                    entries.append(ExportHistoryEntry(record: record, event: event))
                }
            }
            guard let last = batch.last else { return entries }
            next = last.streamVersion + 1
        }
    }
}
