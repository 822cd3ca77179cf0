import Testing
@testable import PartyBuilding

/// Reading an imported file a chunk at a time (docs/import.md, "Limits"): wherever a chunk
/// ends — inside a character, a quoted field, a `""` or a `\r\n` — the rows are those of the
/// whole file, and a record over the limit stops the reading without the rest being read.
@Suite struct ImportReadingTests {
    static let today = World.date("2026-03-20")

    static func read(_ bytes: [UInt8], chunkBytes: Int = ImportRows.chunkBytes) throws -> ImportRows {
        try ImportRows.read(BytesInput(bytes), kind: .members, file: "f.csv", today: today, chunkBytes: chunkBytes)
    }

    /// Each row's line and identity, which holds its decoded values.
    static func summary(_ rows: ImportRows) -> [String] {
        rows.rows.map { "\($0.line) \($0.key)" } + rows.problems.map { "\($0.line) \($0.message.en)" }
    }

    @Test func csvHandlesQuotesLineBreaksAndCRLFWhereverAChunkEnds() throws {
        let text = Array("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\r\n\"two\nlines\",z\nlast,\"\"\ncr\rinside,end\r".utf8)
        for chunkBytes in 1...text.count {
            var reader = CSVReader(file: "f.csv")
            var records: [CSVRecord] = []
            for start in stride(from: 0, to: text.count, by: chunkBytes) {
                try reader.read(Array(text[start..<min(text.count, start + chunkBytes)])) { records.append($0) }
            }
            try reader.finish { records.append($0) }
            #expect(records.map(\.line) == [1, 2, 4, 6, 7], "chunks of \(chunkBytes)")
            #expect(records.map(\.fields) == [["a", "b"], ["x, y", "say \"hi\""], ["two\nlines", "z"], ["last", ""], ["cr\rinside", "end\r"]],
                    "chunks of \(chunkBytes)")
        }
    }

    @Test func gb18030CharactersCutByAChunkEndAreReadWhole() throws {
        let header = Array("id,name,branch,status,since\nm1,".utf8)
        let rest = Array(",b1,full,2010-07-01\n".utf8)
        // 张三·𠀀 in GB18030: two 2-byte characters, a 2-byte one and a 4-byte one.
        let gb18030 = header + [0xD5, 0xC5, 0xC8, 0xFD, 0xA1, 0xA4, 0x95, 0x32, 0x82, 0x36] + rest
        let utf8 = header + Array("张三·𠀀".utf8) + rest
        let expected = Self.summary(try Self.read(utf8))
        #expect(expected.count == 1 && expected[0].contains("name=张三·𠀀"))
        // Chunks of 1 to 9 bytes end at every place inside every character.
        for chunkBytes in 1...9 {
            #expect(Self.summary(try Self.read(gb18030, chunkBytes: chunkBytes)) == expected, "GB18030 in chunks of \(chunkBytes)")
            #expect(Self.summary(try Self.read(utf8, chunkBytes: chunkBytes)) == expected, "UTF-8 in chunks of \(chunkBytes)")
            #expect(Self.summary(try Self.read([0xEF, 0xBB, 0xBF] + utf8, chunkBytes: chunkBytes)) == expected,
                    "UTF-8 with a byte-order mark in chunks of \(chunkBytes)")
        }
    }

    @Test func aFileThatStopsBeingUTF8IsReadAgainFromItsStartAsGB18030() throws {
        let rows = (1...50).map { "m\($0),党员,b1,full,2010-07-01\n" }.joined()
        // Many chunks of ASCII, then 官渡 in GB18030 (not UTF-8) on line 52.
        let bytes = Array(("id,name,branch,status,since\n" + rows + "m51,").utf8) + [0xB9, 0xD9, 0xB6, 0xC9] + Array(",b1,full,2010-07-01\n".utf8)
        let read = try Self.read(bytes, chunkBytes: 16)
        #expect(read.rows.map(\.line) == Array(2...52))
        #expect(read.rows.last?.key.contains("name=官渡") == true)
    }

    @Test func bytesNeitherUTF8NorGB18030AreRefusedWithTheirLine() throws {
        let header = Array("id,name,branch,status,since\nm1,a,b1,full,2010-07-01\nm2,".utf8)
        for chunkBytes in [1, 3, ImportRows.chunkBytes] {
            // 0xFF starts no GB18030 character; 0xB9 is a lead byte whose trail byte never comes.
            #expect(throws: ImportError.notText(file: "f.csv", line: 3)) { try Self.read(header + [0xFF, 0x2C], chunkBytes: chunkBytes) }
            #expect(throws: ImportError.notText(file: "f.csv", line: 3)) { try Self.read(header + [0xB9], chunkBytes: chunkBytes) }
        }
    }

    @Test func aHugeLineIsRefusedWithoutReadingTheRestOfTheFile() throws {
        let start = Array("id,name,branch,status,since\nm1,a,b1,full,2010-07-01\nm2,".utf8)
        // A gigabyte of one line: ASCII, and GB18030 (read twice: first as UTF-8).
        for filler: [UInt8] in [[UInt8(ascii: "x")], [0xB9, 0xD9]] {
            let input = HugeInput(start: start, filler: filler, length: 1 << 30)
            #expect(throws: ImportError.recordTooLong(file: "f.csv", line: 3)) {
                try ImportRows.read(input, kind: .members, file: "f.csv", today: Self.today)
            }
            #expect(input.bytesRead <= 2 * ImportRows.chunkBytes, "read \(input.bytesRead) bytes of a \(input.length)-byte file")
        }
    }

    @Test func aNulByteStopsTheReadingAtItsLine() throws {
        let input = HugeInput(start: Array("id,name,branch,status,since\nm1,a".utf8) + [0], filler: [UInt8(ascii: "x")], length: 1 << 30)
        #expect(throws: ImportError.nulByte(file: "f.csv", line: 2)) {
            try ImportRows.read(input, kind: .members, file: "f.csv", today: Self.today)
        }
        #expect(input.bytesRead <= ImportRows.chunkBytes)
    }
}

/// A file of `length` bytes that exists only as it is read: `start`, then `filler` over and
/// over. Counts the bytes handed out, over every reading.
final class HugeInput: ImportInput {
    let start: [UInt8]
    let filler: [UInt8]
    let length: Int
    private(set) var bytesRead = 0
    private var offset = 0

    init(start: [UInt8], filler: [UInt8], length: Int) {
        self.start = start
        self.filler = filler
        self.length = length
    }

    func read(upTo count: Int) -> [UInt8] {
        let end = min(length, offset + count)
        let chunk = (offset..<end).map { $0 < start.count ? start[$0] : filler[($0 - start.count) % filler.count] }
        bytesRead += chunk.count
        offset = end
        return chunk
    }

    func rewind() {
        offset = 0
    }
}
