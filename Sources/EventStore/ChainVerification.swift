import Bilingual
import GRDB

/// The outcome of walking the hash chain.
public struct ChainReport: Sendable {
    public var eventsChecked: Int64
    /// The last event checked and found good.
    public var head: LogHead?
    /// The first thing found wrong, or nil when the whole log verifies.
    public var failure: ChainFailure?
}

/// The first bad position and what is wrong there.
public struct ChainFailure: Sendable, Equatable {
    public var position: Int64
    public var problem: BilingualText
}

extension EventStore {
    /// Walks the whole log from position 1: positions gapless, stream versions gapless,
    /// each event's `prev_hash` equal to the previous event's hash, each hash equal to the
    /// one its fields call for. Stops at the first failure.
    ///
    /// - Parameter progress: called after each batch with (events checked, events in the log).
    public func verifyChain(batchSize: Int = 20_000, progress: (Int64, Int64) -> Void = { _, _ in }) throws -> ChainReport {
        let total = try read { db in try Int64.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0 }
        var verifier = ChainVerifier()
        while true {
            let rows = try read { db in
                try StoreSchema.rows(after: verifier.head?.position ?? 0, limit: batchSize, in: db)
            }
            for row in rows {
                if let failure = verifier.check(row) {
                    return ChainReport(eventsChecked: verifier.checked, head: verifier.head, failure: failure)
                }
            }
            progress(verifier.checked, total)
            if rows.count < batchSize { break }
        }
        return ChainReport(eventsChecked: verifier.checked, head: verifier.head, failure: nil)
    }
}

/// Checks rows one after another; knows nothing of where they come from.
struct ChainVerifier {
    var head: LogHead?
    var checked: Int64 = 0
    var streamVersions: [String: Int64] = [:]

    mutating func check(_ row: Row) -> ChainFailure? {
        guard let event = Self.decode(row) else {
            return ChainFailure(
                position: Int64.fromDatabaseValue(row[0] as DatabaseValue) ?? (head?.position ?? 0) + 1,
                problem: BilingualText(
                    zh: "有字段类型不对或为空：记录在写入后被改动过",
                    en: "a field has the wrong type or is empty: the record was altered after it was written"))
        }
        return check(event)
    }

    /// Checks that `event` continues the chain checked so far, and takes it as the new head.
    mutating func check(_ event: RecordedEvent) -> ChainFailure? {
        let position = event.position
        let expectedPosition = (head?.position ?? 0) + 1
        if position != expectedPosition {
            return ChainFailure(position: position, problem: BilingualText(
                zh: "应为位置 \(expectedPosition)，实为 \(position)：有事件缺失",
                en: "expected position \(expectedPosition), found \(position): events are missing"))
        }
        let previousHash = head?.hash ?? EnvelopeHashing.genesisHash
        if event.previousHash != previousHash {
            return ChainFailure(position: position, problem: BilingualText(
                zh: "prev_hash 为 \(event.previousHash)，但上一事件的哈希是 \(previousHash)：链条断开",
                en: "prev_hash is \(event.previousHash) but the previous event's hash is \(previousHash): the chain is broken"))
        }
        let expectedVersion = streamVersions[event.streamID, default: 0] + 1
        if event.streamVersion != expectedVersion {
            return ChainFailure(position: position, problem: BilingualText(
                zh: "流 \(event.streamID) 应为第 \(expectedVersion) 版，实为第 \(event.streamVersion) 版",
                en: "stream \(event.streamID) should be at version \(expectedVersion), found \(event.streamVersion)"))
        }
        let recomputed = event.recomputedHash
        if event.hash != recomputed {
            return ChainFailure(position: position, problem: BilingualText(
                zh: "存储的哈希 \(event.hash) 与重算的 \(recomputed) 不符：事件在写入后被改动过",
                en: "stored hash \(event.hash) does not match the recomputed \(recomputed): the event was altered after it was written"))
        }
        streamVersions[event.streamID] = event.streamVersion
        head = LogHead(position: position, hash: event.hash)
        checked += 1
        return nil
    }

    /// The event of a row, or nil when a column holds what the schema does not allow.
    static func decode(_ row: Row) -> RecordedEvent? {
        func text(_ index: Int) -> String? { String.fromDatabaseValue(row[index] as DatabaseValue) }
        func integer(_ index: Int) -> Int64? { Int64.fromDatabaseValue(row[index] as DatabaseValue) }
        guard let position = integer(0), let streamID = text(1), let streamVersion = integer(2),
              let eventID = text(3), let type = text(4), let schemaVersion = integer(5),
              let businessTime = text(6), let recordedTime = text(7), let actor = text(8),
              let payload = text(11), let previousHash = text(12), let hash = text(13)
        else { return nil }
        let correlation = row[9] as DatabaseValue
        let causation = row[10] as DatabaseValue
        guard correlation.isNull || text(9) != nil, causation.isNull || text(10) != nil else { return nil }
        return RecordedEvent(
            position: position, streamID: streamID, streamVersion: streamVersion, eventID: eventID,
            type: type, schemaVersion: Int(schemaVersion), businessTime: businessTime,
            recordedTime: recordedTime,
            metadata: EventMetadata(actor: actor, correlationID: text(9), causationID: text(10)),
            payloadJSON: payload, previousHash: previousHash, hash: hash)
    }
}
