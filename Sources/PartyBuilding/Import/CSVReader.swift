/// One CSV record and the line of the file it starts on.
public struct CSVRecord: Sendable {
    /// Why a record's fields were not kept.
    public enum Defect: Sendable, Equatable {
        /// Longer than `CSVReader.maximumRecordBytes`.
        case tooLong
        /// It holds a NUL byte, found in binary and UTF-16 files, never in text a person typed.
        case nulByte
    }

    public var line: Int
    /// Empty when the record has a defect.
    public var fields: [String]
    public var defect: Defect?
}

/// RFC 4180 CSV: comma-separated, fields optionally in double quotes (`""` for a quote
/// inside), quoted fields may span lines, `\r\n` or `\n` line ends; blank lines are skipped.
public enum CSVReader {
    /// The longest record read (a meeting row naming 200 attendees is about 3 KB): the bytes
    /// of a longer one are skipped, not kept, so one endless line costs no memory of its own.
    public static let maximumRecordBytes = 64 << 10

    public static func records(in text: String) -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var fieldWasQuoted = false
        var recordStart = 0
        var defect: CSVRecord.Defect?
        let bytes = Array(text.utf8)
        var index = 0

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            if let defect {
                records.append(CSVRecord(line: recordLine, fields: [], defect: defect))
            } else if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields = []
            defect = nil
            recordStart = index
        }

        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 0 { defect = defect ?? .nulByte }
            if index - recordStart > maximumRecordBytes {
                defect = .tooLong
                fields.removeAll()
                field.removeAll()
            }
            // A defective record's bytes are only scanned for its end, not kept.
            let keep = defect == nil
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.count && bytes[index] == UInt8(ascii: "\"") {
                        if keep { field.append(byte) }
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    if keep { field.append(byte) }
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\"") where field.isEmpty && !fieldWasQuoted:
                inQuotes = true
                fieldWasQuoted = true
            case UInt8(ascii: ","):
                if keep { endField() } else { fieldWasQuoted = false }
            case UInt8(ascii: "\r") where index < bytes.count && bytes[index] == UInt8(ascii: "\n"):
                break
            case UInt8(ascii: "\n"):
                endRecord()
                line += 1
                recordLine = line
            default:
                if keep { field.append(byte) }
            }
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted || defect != nil { endRecord() }
        return records
    }
}
