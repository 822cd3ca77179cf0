import EventStore
import Foundation
import PartyBuilding

/// An operator's acknowledgement of a warning: who (the envelope's actor), when (its business
/// date) and what they noted. Acknowledgements are events like every other record.
public struct Acknowledgement: Codable, Hashable, Sendable {
    public var key: String
    public var note: String

    public init(key: String, note: String) {
        self.key = key
        self.note = note
    }
}

public enum Acknowledgements {
    public static let streamID = "warning-acknowledgements"
    public static let eventType = "warning.acknowledged"

    /// Appends an acknowledgement of `key` dated `day`.
    @discardableResult
    public static func record(
        _ acknowledgement: Acknowledgement, on day: CalendarDate, actor: String, in store: EventStore
    ) throws -> RecordedEvent {
        let event = NewEvent(
            type: eventType, businessTime: day.description, payload: try JSONValue(encoding: acknowledgement),
            metadata: EventMetadata(actor: actor))
        return try store.append([event], to: streamID, expecting: .any)[0]
    }

    /// Every key acknowledged so far.
    public static func keys(in store: EventStore) throws -> Set<String> {
        var keys = Set<String>()
        var next: Int64 = 1
        while true {
            let batch = try store.readStream(streamID, from: next, limit: 10_000)
            for event in batch where event.type == eventType {
                keys.insert(try event.decodePayload(as: Acknowledgement.self).key)
            }
            guard let last = batch.last else { return keys }
            next = last.streamVersion + 1
        }
    }
}
