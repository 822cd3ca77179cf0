/// One CSV record and the line of the file it starts on.
public struct CSVRecord: Sendable {
    public var line: Int
    public var fields: [String]
}

/// RFC 4180 CSV, read a chunk at a time: comma-separated, fields optionally in double quotes
/// (`""` for a quote inside), quoted fields may span lines, `\r\n` or `\n` line ends; blank
/// lines are skipped. A chunk may end anywhere, even between the two quotes of `""` or the
/// `\r` and `\n` of a line end: the state carries over to the next one.
public struct CSVReader {
    /// The longest record read (a meeting row naming 200 attendees is about 3 KB). A longer one
    /// stops the reading as soon as its bytes pass this, so one endless line costs neither
    /// memory nor the time to read the rest of the file.
    public static let maximumRecordBytes = 64 << 10

    /// Where the reader is within a field.
    private enum State {
        case unquoted
        case quoted
        /// A quote inside a quoted field: the next byte says whether it ends the field or is `""`.
        case quoteInQuoted
        /// A `\r` outside quotes: dropped when a `\n` follows, kept otherwise.
        case carriageReturn
    }

    private let file: String
    private var state = State.unquoted
    private var fields: [String] = []
    private var field: [UInt8] = []
    private var fieldWasQuoted = false
    private var line = 1
    private var recordLine = 1
    private var recordBytes = 0

    /// - Parameter file: named in refusals.
    public init(file: String) {
        self.file = file
    }

    /// Reads the next bytes of the file (UTF-8), handing over each record they complete.
    /// Throws `ImportError.recordTooLong` or `.nulByte` at the record that breaks a limit.
    public mutating func read(_ bytes: [UInt8], _ record: (CSVRecord) throws -> Void) throws {
        for byte in bytes {
            recordBytes += 1
            if byte == 0 { throw ImportError.nulByte(file: file, line: recordLine) }
            if recordBytes > Self.maximumRecordBytes { throw ImportError.recordTooLong(file: file, line: recordLine) }
            switch state {
            case .quoted:
                if byte == UInt8(ascii: "\"") {
                    state = .quoteInQuoted
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
            case .quoteInQuoted:
                if byte == UInt8(ascii: "\"") {
                    field.append(byte)
                    state = .quoted
                } else {
                    state = .unquoted
                    try unquoted(byte, record)
                }
            case .carriageReturn:
                state = .unquoted
                if byte != UInt8(ascii: "\n") { field.append(UInt8(ascii: "\r")) }
                try unquoted(byte, record)
            case .unquoted:
                try unquoted(byte, record)
            }
        }
    }

    /// Hands over the last record, which may lack a final line break.
    public mutating func finish(_ record: (CSVRecord) throws -> Void) throws {
        if state == .carriageReturn { field.append(UInt8(ascii: "\r")) }
        state = .unquoted
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { try endRecord(record) }
    }

    private mutating func unquoted(_ byte: UInt8, _ record: (CSVRecord) throws -> Void) throws {
        switch byte {
        case UInt8(ascii: "\"") where field.isEmpty && !fieldWasQuoted:
            state = .quoted
            fieldWasQuoted = true
        case UInt8(ascii: ","):
            endField()
        case UInt8(ascii: "\r"):
            state = .carriageReturn
        case UInt8(ascii: "\n"):
            try endRecord(record)
            line += 1
            recordLine = line
        default:
            field.append(byte)
        }
    }

    private mutating func endField() {
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        fieldWasQuoted = false
    }

    private mutating func endRecord(_ record: (CSVRecord) throws -> Void) throws {
        endField()
        let done = CSVRecord(line: recordLine, fields: fields)
        fields = []
        recordBytes = 0
        if !(done.fields.count == 1 && done.fields[0].isEmpty) { try record(done) }
    }
}
