import Bilingual
import EventStore

/// One line of `events.ndjson`, checked byte for byte to be the canonical envelope
/// (docs/event-format.md), with where each field's value lies in the line.
///
/// Checking the bytes directly, instead of parsing into values and serialising again,
/// keeps verification at millions of lines a second and proves the line is the only
/// spelling of its content: keys in code-point order, no spaces, integers only, and
/// exactly the escapes Python's `json.dumps(..., ensure_ascii=False)` writes.
struct EnvelopeLine {
    var actor: Range<Int> = 0..<0
    var businessTime: Range<Int> = 0..<0
    var causationID: Range<Int>?
    var correlationID: Range<Int>?
    var eventID: Range<Int> = 0..<0
    /// The hash's digits, quotes excluded, and their value.
    var hash: Range<Int> = 0..<0
    var eventHash = Hash256.zero
    var payload: Range<Int> = 0..<0
    var position: Int64 = 0
    /// The previous hash's digits, quotes excluded, and their value.
    var previousHash: Range<Int> = 0..<0
    var previousEventHash = Hash256.zero
    var recordedTime: Range<Int> = 0..<0
    var schemaVersion: Int64 = 0
    var streamID: Range<Int> = 0..<0
    var streamVersion: Int64 = 0
    var type: Range<Int> = 0..<0
    /// `,"hash":"…"`: the bytes the hash does not cover.
    var hashMember: Range<Int> = 0..<0

    /// Parses `line` (without its newline) or says what is not canonical about it.
    ///
    /// The members are read in code-point order, each key with the punctuation before it,
    /// spelled out one by one: a loop over an array of keys cost more than the rest of the
    /// parse (a retain and release per key, and a switch), millions of lines over.
    static func parse(_ line: UnsafeRawBufferPointer) throws(LineProblem) -> EnvelopeLine {
        var scanner = CanonicalScanner(bytes: line)
        var result = EnvelopeLine()
        try scanner.expectKey("{\"actor\":")
        result.actor = try scanner.string()
        try scanner.expectKey(",\"business_time\":")
        result.businessTime = try scanner.string()
        try scanner.expectKey(",\"causation_id\":")
        result.causationID = try scanner.nullOrString()
        try scanner.expectKey(",\"correlation_id\":")
        result.correlationID = try scanner.nullOrString()
        try scanner.expectKey(",\"event_id\":")
        result.eventID = try scanner.string()
        let hashMemberStart = scanner.index
        try scanner.expectKey(",\"hash\":")
        (result.hash, result.eventHash) = try scanner.hexHash()
        result.hashMember = hashMemberStart..<scanner.index
        try scanner.expectKey(",\"payload\":")
        result.payload = try scanner.value()
        try scanner.expectKey(",\"position\":")
        result.position = try scanner.integer()
        try scanner.expectKey(",\"prev_hash\":")
        (result.previousHash, result.previousEventHash) = try scanner.hexHash()
        try scanner.expectKey(",\"recorded_time\":")
        result.recordedTime = try scanner.string()
        try scanner.expectKey(",\"schema_version\":")
        result.schemaVersion = try scanner.integer()
        try scanner.expectKey(",\"stream_id\":")
        result.streamID = try scanner.string()
        try scanner.expectKey(",\"stream_version\":")
        result.streamVersion = try scanner.integer()
        try scanner.expectKey(",\"type\":")
        result.type = try scanner.string()
        try scanner.expect(byte: UInt8(ascii: "}"), what: "the closing }")
        guard scanner.atEnd else { throw scanner.problem("nothing after the closing }", zh: "右花括号之后不应再有内容") }
        guard result.position >= 1, result.streamVersion >= 1, result.schemaVersion >= 1 else {
            throw LineProblem(offset: 0, reason: BilingualText(
                zh: "position、stream_version、schema_version 须为正整数",
                en: "position, stream_version and schema_version must be 1 or more"))
        }
        return result
    }

    /// The event, with every field decoded (for import).
    func recordedEvent(in line: UnsafeRawBufferPointer) -> RecordedEvent {
        func text(_ range: Range<Int>) -> String { CanonicalScanner.unescapedString(line, range) }
        func raw(_ range: Range<Int>) -> String { String(decoding: UnsafeRawBufferPointer(rebasing: line[range]), as: UTF8.self) }
        return RecordedEvent(
            position: position, streamID: text(streamID), streamVersion: streamVersion, eventID: text(eventID),
            type: text(type), schemaVersion: Int(schemaVersion), businessTime: text(businessTime),
            recordedTime: text(recordedTime),
            metadata: EventMetadata(actor: text(actor), correlationID: correlationID.map(text), causationID: causationID.map(text)),
            payloadJSON: raw(payload), previousHash: raw(previousHash), hash: raw(hash))
    }
}

/// What is wrong in a line and at which byte (0-based).
struct LineProblem: Error {
    var offset: Int
    var reason: BilingualText
}
