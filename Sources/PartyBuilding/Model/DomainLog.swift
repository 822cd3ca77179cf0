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

/// The bridge between the rules and the store: folds the log into state, and appends
/// decided events with the stream versions the decision was based on, so a concurrent
/// writer's change makes the append fail with a version conflict instead of being lost.
public enum DomainLog {
    public struct Loaded: Sendable {
        public var state = DomainState()
        /// Every event id in the store, when asked for: how an import recognises rows it holds already.
        public var eventIDs: Set<String> = []
    }

    /// Folds every domain event of the store into state (other modules' events are skipped).
    public static func load(from store: EventStore, keepEventIDs: Bool = false) throws -> Loaded {
        var loaded = Loaded()
        try store.forEachBatch { batch in
            for recorded in batch {
                if keepEventIDs { loaded.eventIDs.insert(recorded.eventID) }
                if let event = try EventCoding.domainEvent(from: recorded) {
                    loaded.state.apply(event)
                }
            }
        }
        return loaded
    }

    /// Appends `events` atomically. Each stream is expected at the version `state` knows;
    /// consecutive events of one stream go in one write, and row order is kept.
    @discardableResult
    public static func append(
        _ events: [IdentifiedEvent], basedOn state: DomainState, to store: EventStore, metadata: EventMetadata
    ) throws -> [RecordedEvent] {
        var versions: [String: Int64] = [:]
        var writes: [StreamWrite] = []
        for identified in events {
            let stream = identified.event.streamID
            let newEvent = try EventCoding.newEvent(identified.event, id: identified.id, metadata: metadata)
            if writes.last?.streamID == stream {
                writes[writes.count - 1].events.append(newEvent)
            } else {
                let version = versions[stream] ?? state.version(of: stream)
                writes.append(StreamWrite(
                    streamID: stream, expectedVersion: version == 0 ? .noStream : .exactly(version), events: [newEvent]))
            }
            versions[stream, default: state.version(of: stream)] += 1
        }
        return try store.append(writes)
    }
}
