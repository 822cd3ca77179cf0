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
    /// Parsed by hand: this runs for every appended event, and a regular expression here
    /// dominated the cost of bulk appends.
    static func isBusinessTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<start + count] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        func byte(_ index: Int, is character: Character) -> Bool {
            index < bytes.count && bytes[index] == character.asciiValue
        }
        guard bytes.count >= 10, let year = number(0, 4), byte(4, is: "-"), let month = number(5, 2),
              byte(7, is: "-"), let day = number(8, 2), (1...12).contains(month),
              (1...daysIn(month: month, year: year)).contains(day)
        else { return false }
        if bytes.count == 10 { return true }
        guard byte(10, is: "T"), let hour = number(11, 2), hour < 24, byte(13, is: ":"),
              let minute = number(14, 2), minute < 60, byte(16, is: ":"), let second = number(17, 2), second < 60
        else { return false }
        var index = 19
        if byte(index, is: ".") {
            let digits = bytes[(index + 1)...].prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
            guard (1...9).contains(digits) else { return false }
            index += 1 + digits
        }
        if byte(index, is: "Z") { return index + 1 == bytes.count }
        guard byte(index, is: "+") || byte(index, is: "-"), let offsetHour = number(index + 1, 2), offsetHour < 24,
              byte(index + 3, is: ":"), let offsetMinute = number(index + 4, 2), offsetMinute < 60
        else { return false }
        return index + 6 == bytes.count
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
