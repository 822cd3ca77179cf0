import Foundation

/// Checks an envelope's fields before it is written, so the log never holds one that the
/// documented format (docs/event-format.md) does not describe.
enum EnvelopeValidation {
    static func problem(in event: NewEvent) -> String? {
        if !isEventID(event.eventID) {
            return "event_id must be a UUID in lower case, like 0b6c2f8e-4d7a-4c1e-9a53-2f1d7e9c8b10"
        }
        if event.type.isEmpty || event.type.utf8.count > 100 || containsControl(event.type) {
            return "type must be 1–100 characters without control characters"
        }
        if event.schemaVersion < 1 {
            return "schema_version must be 1 or more"
        }
        if !isBusinessTime(event.businessTime) {
            return "business_time '\(event.businessTime)' must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS with Z or ±HH:MM"
        }
        if event.metadata.actor.isEmpty || containsControl(event.metadata.actor) {
            return "actor must be a non-empty name without control characters"
        }
        for id in [event.metadata.correlationID, event.metadata.causationID].compactMap({ $0 }) where !isEventID(id) {
            return "correlation and causation ids must be lower-case UUIDs, not '\(id)'"
        }
        return nil
    }

    static func problem(inStreamID streamID: String) -> String? {
        if streamID.isEmpty || streamID.utf8.count > 200 || containsControl(streamID) {
            return "stream id must be 1–200 characters without control characters"
        }
        return nil
    }

    static func isEventID(_ text: String) -> Bool {
        UUID(uuidString: text) != nil && text == text.lowercased()
    }

    static func containsControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    /// `YYYY-MM-DD`, optionally followed by `THH:MM:SS[.fraction]` and `Z` or `±HH:MM`.
    static func isBusinessTime(_ text: String) -> Bool {
        let pattern = /(\d{4})-(\d{2})-(\d{2})(T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d))?/
        guard let match = text.wholeMatch(of: pattern),
              let year = Int(match.1), let month = Int(match.2), let day = Int(match.3),
              (1...12).contains(month), day >= 1
        else { return false }
        return day <= daysIn(month: month, year: year)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
