import EventStore

/// A domain event with the event id it is (or will be) stored under.
public struct IdentifiedEvent: Sendable {
    public var id: String
    public var event: DomainEvent

    public init(id: String, event: DomainEvent) {
        self.id = id
        self.event = event
    }
}

/// What a decision is based on: the state folded from some streams, and which streams
/// those were. Appending "based on" it expects every one of them, written to or only read,
/// at the version read, so a change another writer made in between to anything the
/// decision looked at makes the append fail with a version conflict.
public struct DecisionBasis: Sendable {
    public var state = DomainState()
    /// Every stream read, including those that turned out not to exist (expected absent).
    public private(set) var streamsRead: Set<String> = []
    /// The ids of the events read: how an import recognises rows it holds already.
    public private(set) var eventIDs: Set<String> = []

    public init() {}

    /// Reads and folds `streams` (those not read before), whole, from `store`.
    public mutating func read(_ streams: some Sequence<String>, from store: EventStore) throws {
        let unread = streams.filter { streamsRead.insert($0).inserted }
        let loaded = try store.readStreams(unread)
        for stream in unread {
            guard let events = loaded[stream], let last = events.last else { continue }
            for recorded in events {
                eventIDs.insert(recorded.eventID)
                if let event = try EventCoding.domainEvent(from: recorded) { state.apply(event) }
            }
            // The stored version, even if the stream holds event types this build does not know.
            state.streamVersions[stream] = last.streamVersion
        }
    }
}

/// The bridge between the rules and the store: loads the state a decision needs, and
/// appends decided events with the stream versions the decision was based on, so a
/// concurrent writer's change makes the append fail with a version conflict instead of
/// being lost.
public enum DomainLog {
    /// Folds every domain event of the store into state (other modules' events are skipped):
    /// for listings over everything. Commands load only what they need, with `load(neededBy:from:)`.
    public static func load(from store: EventStore) throws -> DomainState {
        var state = DomainState()
        try store.forEachBatch { batch in
            for recorded in batch {
                if let event = try EventCoding.domainEvent(from: recorded) { state.apply(event) }
            }
        }
        return state
    }

    /// Reads the streams `commands` need (`streams(neededBy:knowing:)`), asking again with
    /// what was read until nothing more is needed. The cost follows the commands, not the log.
    public static func load(neededBy commands: [DomainCommand], from store: EventStore) throws -> DecisionBasis {
        var basis = DecisionBasis()
        while true {
            var missing: [String] = []
            var seen = Set<String>()
            for command in commands {
                for stream in streams(neededBy: command, knowing: basis.state).sorted()
                where !basis.streamsRead.contains(stream) && seen.insert(stream).inserted {
                    missing.append(stream)
                }
            }
            if missing.isEmpty { return basis }
            try basis.read(missing, from: store)
        }
    }

    /// Appends `events` atomically, expecting every stream `basis` read at the version read
    /// (streams only read are checked by writes without events). Consecutive events of one
    /// stream go in one write, and the events' order is kept.
    ///
    /// In the same transaction, `keys` (those of the personal data sealed in `events`) are
    /// stored, and the keys every `member.personal-data-erased` among `events` names are destroyed.
    @discardableResult
    public static func append(
        _ events: [IdentifiedEvent], basedOn basis: DecisionBasis, to store: EventStore, metadata: EventMetadata,
        keys: [PersonalDataKey] = []
    ) throws -> [RecordedEvent] {
        var writes = try writes(of: events, basedOn: basis.state, metadata: metadata)
        let written = Set(writes.map(\.streamID))
        let onlyRead = basis.streamsRead.subtracting(written).sorted().map { stream in
            StreamWrite(streamID: stream, expectedVersion: expected(basis.state.version(of: stream)), events: [])
        }
        writes.insert(contentsOf: onlyRead, at: 0)
        return try store.append(writes, secrets: secretChanges(events, keys))
    }

    /// Appends `events` atomically, each stream written expected at the version `state` knows
    /// (for callers holding the state of the whole log).
    @discardableResult
    public static func append(
        _ events: [IdentifiedEvent], basedOn state: DomainState, to store: EventStore, metadata: EventMetadata
    ) throws -> [RecordedEvent] {
        try store.append(writes(of: events, basedOn: state, metadata: metadata), secrets: secretChanges(events, []))
    }

    /// The keys to store with `events`, and those their erasures destroy.
    private static func secretChanges(_ events: [IdentifiedEvent], _ keys: [PersonalDataKey]) -> [SecretChange] {
        var changes = keys.map { SecretChange.store(id: $0.id, key: $0.bytes) }
        for case .memberPersonalDataErased(let erasure) in events.map(\.event) {
            changes += erasure.keyIDs.map { SecretChange.destroy(id: $0) }
        }
        return changes
    }

    private static func writes(
        of events: [IdentifiedEvent], basedOn state: DomainState, metadata: EventMetadata
    ) throws -> [StreamWrite] {
        var versions: [String: Int64] = [:]
        var writes: [StreamWrite] = []
        for identified in events {
            let stream = identified.event.streamID
            let newEvent = try EventCoding.newEvent(identified.event, id: identified.id, metadata: metadata)
            if writes.last?.streamID == stream {
                writes[writes.count - 1].events.append(newEvent)
            } else {
                writes.append(StreamWrite(
                    streamID: stream, expectedVersion: expected(versions[stream] ?? state.version(of: stream)), events: [newEvent]))
            }
            versions[stream, default: state.version(of: stream)] += 1
        }
        return writes
    }

    private static func expected(_ version: Int64) -> ExpectedVersion {
        version == 0 ? .noStream : .exactly(version)
    }
}
