@testable import Archive
import Foundation
import Testing

/// Format 2's gzip members (docs/archive-format.md §1): each states its length, so the reader
/// cuts the file apart without inflating and inflates the members on every core; a damaged,
/// lying or foreign member is refused naming the file offset where it starts.
@Suite struct GzipMembersTests {
    /// An archive of several megabytes: several members of events.
    static func large() throws -> (Fixture, String, Data, [Int]) {
        let fixture = try Fixture()
        try fixture.appendMany(6_000)
        let path = try fixture.export(.sinceLast).path
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return (fixture, path, data, try GzipLayout.memberOffsets(data))
    }

    /// ISIZE: what the member says it unpacks to.
    static func unpackedSize(_ data: Data, memberEndingAt end: Int) -> Int {
        data[end - 4..<end].reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    /// Writes `value` as the little-endian UInt32 gzip uses, at `offset` of `bytes`.
    static func store(_ value: Int, in bytes: inout [UInt8], at offset: Int) {
        for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
    }

    /// The archive with the ISIZE of the member ending at `end` off by `change`.
    static func restatingUnpackedSize(_ data: Data, memberEndingAt end: Int, by change: Int) -> [UInt8] {
        var bytes = [UInt8](data)
        store(unpackedSize(data, memberEndingAt: end) + change, in: &bytes, at: end - 4)
        return bytes
    }

    @Test func everyMemberStatesItsLengthAndUnpacksToAtMostOneMebibyte() throws {
        let (fixture, path, data, offsets) = try Self.large()
        #expect(offsets.count > 4)
        for (index, start) in offsets.enumerated() {
            let end = index + 1 < offsets.count ? offsets[index + 1] : data.count
            #expect(Self.unpackedSize(data, memberEndingAt: end) <= GzipMember.maximumInput)
            // Each member alone is a whole gzip file, as stock gzip sees it.
            let alone = try GzipLayout.write([UInt8](data[start..<end]), "member-\(index).gz", in: fixture)
            #expect(try Fixture.run("gzip", ["-t", alone]).status == 0)
        }
        #expect(try ArchiveVerifier.verify(path).manifest.formatVersion == 2)
    }

    @Test func theParallelAndTheStreamingReaderAgree() throws {
        let (fixture, path, _, offsets) = try Self.large()
        #expect(try GzipSource.open(path: path) is ParallelGzipReader)
        var parallel: [UInt8] = [], parallelMembers = Set<Int64>()
        try ParallelGzipReader(path: path).forEachChunk { parallel += $0; parallelMembers.insert($1) }
        var streamed: [UInt8] = [], streamedMembers = Set<Int64>()
        try GzipReader(path: path).forEachChunk { streamed += $0; streamedMembers.insert($1) }
        #expect(parallel == streamed && !parallel.isEmpty)
        #expect(parallelMembers == Set(offsets.map(Int64.init)) && streamedMembers == parallelMembers)

        // Packed again with stock gzip (one member, no stated length): the streaming reader.
        let stock = fixture.path("stock.tar.gz")
        #expect(try Fixture.run("sh", ["-c", "gzip -dc '\(path)' | gzip -6 > '\(stock)'"]).status == 0)
        #expect(try GzipSource.open(path: stock) is GzipReader)
        #expect(TamperTests.failure(stock, fixture) == nil)
    }

    @Test func aDamagedMemberIsNamedByItsFileOffset() throws {
        let (fixture, _, data, offsets) = try Self.large()
        var bytes = [UInt8](data)
        bytes[offsets[3] + 40] ^= 0xFF
        let path = try GzipLayout.write(bytes, "damaged.tar.gz", in: fixture)
        let failure = TamperTests.failure(path, fixture) ?? "verified"
        #expect(failure.contains("the gzip member at file offset \(offsets[3]): the gzip data is damaged"), "\(failure)")
    }

    /// A trailer whose ISIZE is one byte short: the content does not fit what it states.
    @Test func aMemberUnpackingToMoreThanItsTrailerStatesIsRefused() throws {
        let (fixture, _, data, offsets) = try Self.large()
        let bytes = Self.restatingUnpackedSize(data, memberEndingAt: offsets[3], by: -1)
        let path = try GzipLayout.write(bytes, "isize.tar.gz", in: fixture)
        let failure = TamperTests.failure(path, fixture) ?? "verified"
        #expect(failure.contains("the gzip member at file offset \(offsets[2]): the gzip data is damaged (longer than its trailer states)"), "\(failure)")
    }

    /// A trailer whose CRC-32 is not its content's: the checksum is checked, not only the data.
    @Test func aMemberWhoseChecksumIsWrongIsRefused() throws {
        let (fixture, _, data, offsets) = try Self.large()
        var bytes = [UInt8](data)
        bytes[offsets[3] - 8] ^= 0x01
        let path = try GzipLayout.write(bytes, "crc.tar.gz", in: fixture)
        let failure = TamperTests.failure(path, fixture) ?? "verified"
        #expect(failure.contains("the gzip member at file offset \(offsets[2]): the gzip data is damaged (its CRC-32 or length does not match its content)"), "\(failure)")
    }

    /// A trailer whose ISIZE is one too large: the content falls short of what it states.
    @Test func aMemberUnpackingToLessThanItsTrailerStatesIsRefused() throws {
        let (fixture, _, data, offsets) = try Self.large()
        let bytes = Self.restatingUnpackedSize(data, memberEndingAt: offsets[3], by: 1)
        let path = try GzipLayout.write(bytes, "isize-long.tar.gz", in: fixture)
        let failure = TamperTests.failure(path, fixture) ?? "verified"
        #expect(failure.contains("the gzip member at file offset \(offsets[2]): the gzip data is damaged (its CRC-32 or length does not match its content)"), "\(failure)")
    }

    /// A member whose compressed data was cut short before its trailer, its stated length made
    /// to match: the data would run on past the bytes the member states.
    @Test func aMemberWhoseDataIsCutShortIsRefused() throws {
        let fixture = try Fixture()
        let content = (0..<200_000).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) % 40 }
        var member = GzipMember.compress(content, level: 6)
        let trailer = member.count - GzipMember.trailerSize
        member.removeSubrange(trailer - 40..<trailer)
        Self.store(member.count, in: &member, at: GzipMember.headerSize - 4)
        let path = try GzipLayout.write(member, "cut.tar.gz", in: fixture)
        let failure = TamperTests.failure(path, fixture) ?? "verified"
        #expect(failure.contains("the gzip member at file offset 0: the gzip data is damaged (its compressed data runs past its stated length)"), "\(failure)")
    }

    /// An altered event, and a damaged member a few after it: the event is the first failure in
    /// the file, though its batch is still being checked when the damaged member is reached.
    @Test func anAlteredEventIsReportedBeforeADamagedMemberAfterIt() throws {
        let (fixture, _, data, offsets) = try Self.large()
        // Member 1 holds the first events (member 0, the tar header): one date changed in it,
        // then packed again as a member of its own.
        let member = [UInt8](data[offsets[1]..<offsets[2]])
        var content: [UInt8] = []
        try GzipReader(path: try GzipLayout.write(member, "member-1.gz", in: fixture)).forEachChunk { chunk, _ in content += chunk }
        let date = try #require(content.firstRange(of: Array("\"business_time\":\"20".utf8)))
        content[date.upperBound] = content[date.upperBound] == UInt8(ascii: "1") ? UInt8(ascii: "3") : UInt8(ascii: "1")
        let repacked = GzipMember.compress(content, level: 6)
        var bytes = [UInt8](data)
        bytes.replaceSubrange(offsets[1]..<offsets[2], with: repacked)
        bytes[offsets[4] + (repacked.count - member.count) + 40] ^= 0xFF
        let path = try GzipLayout.write(bytes, "event-then-member.tar.gz", in: fixture)
        let failure = TamperTests.failure(path, fixture) ?? "verified"
        #expect(failure.contains("line 1 (position 1,") && failure.contains("the hash does not match the event's content"), "\(failure)")
    }

    @Test func aMemberStatingTheWrongLengthIsRefused() throws {
        let (fixture, _, data, offsets) = try Self.large()
        var bytes = [UInt8](data)
        // The length is the header's last four bytes, little-endian.
        bytes[offsets[2] + GzipMember.headerSize - 4] &+= 1
        let path = try GzipLayout.write(bytes, "lying.tar.gz", in: fixture)
        // Read one byte too far, the member's trailer is not its own: whatever it then says is refused.
        let failure = TamperTests.failure(path, fixture) ?? "verified"
        #expect(failure.contains("failed verification: the gzip member at file offset \(offsets[2]): "), "\(failure)")
    }

    @Test func bytesAppendedAfterTheLastMemberAreRefusedWhereTheyStart() throws {
        let (fixture, path, data, _) = try Self.large()
        let stockMember = fixture.path("x.gz")
        #expect(try Fixture.run("sh", ["-c", "printf 'appended' | gzip > '\(stockMember)'"]).status == 0)
        for (name, appended) in [("garbage", Array("not gzip at all".utf8)), ("stock", [UInt8](try Data(contentsOf: URL(fileURLWithPath: stockMember))))] {
            let copy = try GzipLayout.write([UInt8](data) + appended, "appended-\(name).tar.gz", in: fixture)
            let failure = TamperTests.failure(copy, fixture) ?? "verified"
            #expect(failure.contains("the gzip member at file offset \(data.count): it is not a gzip member stating its length"), "\(name): \(failure)")
        }
        #expect(TamperTests.failure(path, fixture) == nil)
    }

    @Test func aMemberUnpackingToMoreThanAMebibyteIsRefusedBeforeItIsInflated() throws {
        let (fixture, _, data, offsets) = try Self.large()
        var bytes = [UInt8](data)
        let last = offsets[offsets.count - 1]
        withUnsafeBytes(of: UInt32(2 << 20).littleEndian) { bytes.replaceSubrange(bytes.count - 4..<bytes.count, with: $0) }
        let path = try GzipLayout.write(bytes, "big-member.tar.gz", in: fixture)
        let failure = TamperTests.failure(path, fixture) ?? "verified"
        #expect(failure.contains("the gzip member at file offset \(last): it unpacks to 2097152 bytes, more than the 1048576"), "\(failure)")
    }

    /// Members of a mebibyte of zeros each, under a tar header claiming a gigabyte: stopped at
    /// the member that takes the unpacked total past the limit, without inflating the rest.
    @Test func aDecompressionBombIsStoppedAtTheMemberThatCrossesTheLimit() throws {
        let fixture = try Fixture()
        let header = TarHeader(name: "reports/zeros.csv", size: 1 << 30, modificationTime: 0).encoded()
        let zeros = GzipMember.compress([UInt8](repeating: 0, count: GzipMember.maximumInput), level: 9)
        let bytes = GzipMember.compress(header, level: 9) + (0..<400).flatMap { _ in zeros }
        let path = try GzipLayout.write(bytes, "bomb.tar.gz", in: fixture)
        let limit = ArchiveReader.expansionAllowance + ArchiveReader.maximumExpansion * Int64(bytes.count)
        let offsets = try GzipLayout.memberOffsets(Data(bytes))
        // The header member unpacks to 512 bytes, each later one to a mebibyte.
        let crossing = offsets[1 + Int((limit - 512) / Int64(GzipMember.maximumInput))]
        let failure = TamperTests.failure(path, fixture) ?? "verified"
        #expect(failure.contains("the gzip member at file offset \(crossing): unpacking reaches more than \(limit) bytes here (over 200 times its size)"), "\(failure)")
    }
}
