extension ImportRows {
    /// How much of a file is read at a time.
    public static let chunkBytes = 1 << 20

    /// Reads the rows of a CSV file a chunk at a time: memory holds the rows read so far, one
    /// record and one chunk, never the whole file, and a record over
    /// `CSVReader.maximumRecordBytes` stops the reading as soon as it passes the limit.
    ///
    /// The file is read as UTF-8 (a leading byte-order mark dropped) until bytes that are not
    /// UTF-8 appear; it is then read again from its start as GB18030. So a file that is valid
    /// UTF-8 throughout is read as UTF-8, anything else as GB18030, as if it had been decoded
    /// whole — except that a refusal of a record (its header, length or a NUL byte) before those
    /// bytes stands: it holds in either encoding. What is refused never depends on where chunks end.
    /// - Parameters:
    ///   - file: named in refusals.
    ///   - lateReason: used for meeting rows without a `late-reason` of their own.
    ///   - today: the default date of rows that may leave theirs out.
    ///   - chunkBytes: set by the tests, to cut characters and records at every place.
    public static func read(
        _ input: some ImportInput, kind: ImportKind, file: String, today: CalendarDate, lateReason: String? = nil,
        chunkBytes: Int = chunkBytes
    ) throws -> ImportRows {
        let rows = ImportRows(kind: kind, file: file, today: today, lateReason: lateReason)
        do {
            var decoder = UTF8Decoder()
            return try read(input, decoding: &decoder, into: rows, file: file, chunkBytes: chunkBytes)
        } catch is UTF8Decoder.NotUTF8 {
            try input.rewind()
            var decoder = try GB18030Decoder(file: file)
            return try read(input, decoding: &decoder, into: rows, file: file, chunkBytes: chunkBytes)
        }
    }

    private static func read(
        _ input: some ImportInput, decoding decoder: inout some ChunkDecoder, into fresh: ImportRows, file: String,
        chunkBytes: Int
    ) throws -> ImportRows {
        var rows = fresh
        var reader = CSVReader(file: file)
        while true {
            let chunk = try input.read(upTo: chunkBytes)
            if chunk.isEmpty { break }
            let decoded = decoder.decode(chunk)
            try reader.read(decoded.text) { try rows.add($0) }
            if let stop = decoded.stop { throw stop }
        }
        try decoder.finish()
        try reader.finish { try rows.add($0) }
        try rows.finish()
        return rows
    }
}
