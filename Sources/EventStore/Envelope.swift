import Foundation

/// Who caused an event and in answer to what. Kept in the envelope, outside the payload.
public struct EventMetadata: Hashable, Sendable {
    /// The person or process that issued the command (an operator's name, the OS user).
    public var actor: String
    /// Groups the events of one piece of work, such as one import.
    public var correlationID: String?
    /// The event this one answers, if any.
    public var causationID: String?

    public init(actor: String, correlationID: String? = nil, causationID: String? = nil) {
        self.actor = actor
        self.correlationID = correlationID
        self.causationID = causationID
    }
}

/// An event to append, before the store gives it a position and a hash.
public struct NewEvent: Sendable {
    /// The idempotency key: appending the same id again returns the original event.
    public var eventID: String
    public var type: String
    public var schemaVersion: Int
    /// When it happened in the world: `YYYY-MM-DD` or an ISO 8601 date-time with offset.
    public var businessTime: String
    public var payload: JSONValue
    public var metadata: EventMetadata

    public init(
        eventID: String = UUID().uuidString.lowercased(),
        type: String,
        schemaVersion: Int = 1,
        businessTime: String,
        payload: JSONValue,
        metadata: EventMetadata
    ) {
        self.eventID = eventID
        self.type = type
        self.schemaVersion = schemaVersion
        self.businessTime = businessTime
        self.payload = payload
        self.metadata = metadata
    }
}

/// The stream version a writer expects, so that two writers cannot both act on stale state.
public enum ExpectedVersion: Hashable, Sendable {
    /// Append whatever the stream holds.
    case any
    /// The stream must not exist yet.
    case noStream
    /// The stream's last event must have exactly this version.
    case exactly(Int64)

    func admits(_ current: Int64) -> Bool {
        switch self {
        case .any: return true
        case .noStream: return current == 0
        case .exactly(let version): return current == version
        }
    }
}

/// Events for one stream within an atomic append.
public struct StreamWrite: Sendable {
    public var streamID: String
    public var expectedVersion: ExpectedVersion
    public var events: [NewEvent]

    public init(streamID: String, expectedVersion: ExpectedVersion, events: [NewEvent]) {
        self.streamID = streamID
        self.expectedVersion = expectedVersion
        self.events = events
    }
}

/// An event as stored: its envelope, with position and hash.
public struct RecordedEvent: Hashable, Sendable {
    /// Global position: gapless, from 1.
    public var position: Int64
    public var streamID: String
    /// Version within the stream: gapless, from 1.
    public var streamVersion: Int64
    public var eventID: String
    public var type: String
    public var schemaVersion: Int
    public var businessTime: String
    /// When the store wrote it: UTC, `YYYY-MM-DDTHH:MM:SS.sssZ`.
    public var recordedTime: String
    public var metadata: EventMetadata
    /// The payload in canonical JSON, exactly as hashed.
    public var payloadJSON: String
    /// Lower-case hex SHA-256 of the previous event (64 zeros before position 1).
    public var previousHash: String
    public var hash: String

    public init(
        position: Int64, streamID: String, streamVersion: Int64, eventID: String, type: String,
        schemaVersion: Int, businessTime: String, recordedTime: String, metadata: EventMetadata,
        payloadJSON: String, previousHash: String, hash: String
    ) {
        self.position = position
        self.streamID = streamID
        self.streamVersion = streamVersion
        self.eventID = eventID
        self.type = type
        self.schemaVersion = schemaVersion
        self.businessTime = businessTime
        self.recordedTime = recordedTime
        self.metadata = metadata
        self.payloadJSON = payloadJSON
        self.previousHash = previousHash
        self.hash = hash
    }

    /// Decodes the payload into a domain type.
    public func decodePayload<T: Decodable>(as type: T.Type, using decoder: JSONDecoder = JSONDecoder()) throws -> T {
        try decoder.decode(type, from: Data(payloadJSON.utf8))
    }
}
