import Foundation
import SystemCrypto

/// The canonical envelope and the hash chain (docs/event-format.md).
///
/// `hash = SHA-256(previous hash as 32 raw bytes ‖ canonical envelope without "hash")`.
public enum EnvelopeHashing {
    /// The previous hash of the event at position 1.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The canonical bytes of the envelope, with the `hash` member when `hash` is given.
    /// The payload is inserted as stored: it is canonical already.
    public static func canonicalEnvelope(
        position: Int64, streamID: String, streamVersion: Int64, eventID: String, type: String,
        schemaVersion: Int, businessTime: String, recordedTime: String, metadata: EventMetadata,
        payloadJSON: String, previousHash: String, hash: String? = nil
    ) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(payloadJSON.utf8.count + 512)
        func key(_ name: String) {
            out.append(out.isEmpty ? UInt8(ascii: "{") : UInt8(ascii: ","))
            CanonicalJSON.appendString(name, to: &out)
            out.append(UInt8(ascii: ":"))
        }
        func optional(_ text: String?) {
            if let text { CanonicalJSON.appendString(text, to: &out) } else { out.append(contentsOf: "null".utf8) }
        }
        // Keys in code-point order.
        key("actor"); CanonicalJSON.appendString(metadata.actor, to: &out)
        key("business_time"); CanonicalJSON.appendString(businessTime, to: &out)
        key("causation_id"); optional(metadata.causationID)
        key("correlation_id"); optional(metadata.correlationID)
        key("event_id"); CanonicalJSON.appendString(eventID, to: &out)
        if let hash { key("hash"); CanonicalJSON.appendString(hash, to: &out) }
        key("payload"); out.append(contentsOf: payloadJSON.utf8)
        key("position"); out.append(contentsOf: String(position).utf8)
        key("prev_hash"); CanonicalJSON.appendString(previousHash, to: &out)
        key("recorded_time"); CanonicalJSON.appendString(recordedTime, to: &out)
        key("schema_version"); out.append(contentsOf: String(schemaVersion).utf8)
        key("stream_id"); CanonicalJSON.appendString(streamID, to: &out)
        key("stream_version"); out.append(contentsOf: String(streamVersion).utf8)
        key("type"); CanonicalJSON.appendString(type, to: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// The hash of an envelope whose fields are given.
    static func hash(previousHash: String, canonicalEnvelope: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(data: Hex.bytes(previousHash) ?? [])
        hasher.update(data: canonicalEnvelope)
        return Hex.string(hasher.finalize())
    }
}

extension RecordedEvent {
    /// The canonical envelope without `hash`: the bytes the hash covers.
    public var canonicalBytesForHashing: [UInt8] {
        EnvelopeHashing.canonicalEnvelope(
            position: position, streamID: streamID, streamVersion: streamVersion, eventID: eventID,
            type: type, schemaVersion: schemaVersion, businessTime: businessTime,
            recordedTime: recordedTime, metadata: metadata, payloadJSON: payloadJSON,
            previousHash: previousHash)
    }

    /// The NDJSON line of this event: the canonical envelope with `hash`, no newline.
    public var canonicalLine: String {
        String(decoding: EnvelopeHashing.canonicalEnvelope(
            position: position, streamID: streamID, streamVersion: streamVersion, eventID: eventID,
            type: type, schemaVersion: schemaVersion, businessTime: businessTime,
            recordedTime: recordedTime, metadata: metadata, payloadJSON: payloadJSON,
            previousHash: previousHash, hash: hash), as: UTF8.self)
    }

    /// The hash this event's fields call for.
    public var recomputedHash: String {
        EnvelopeHashing.hash(previousHash: previousHash, canonicalEnvelope: canonicalBytesForHashing)
    }
}

/// Lower-case hexadecimal, as every hash is written.
public enum Hex {
    public static func string<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of a hex string, or nil when it is not hex of even length.
    public static func bytes(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }
}
