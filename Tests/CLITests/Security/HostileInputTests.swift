@testable import Archive
import Foundation
import GRDB
import Testing

/// Hand-written hostile inputs where data enters dangjian: CSV imports, CSV exports opened in
/// a spreadsheet, and archives (docs/security.md, "Bad input"). Each is refused with the file,
/// the place and the reason, and the store is left as it was.
@Suite("Hostile input")
struct HostileInputTests {
    private let fixture: SecurityFixture

    init() throws {
        fixture = try SecurityFixture()
    }

    /// Imports `bytes` as a members file and expects a refusal whose text contains `expected`.
    private func expectImportRefused(_ bytes: [UInt8], saying expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = fixture.directory.path("hostile.csv")
        _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
        try expectImportRefused(file: file, saying: expected, sourceLocation: sourceLocation)
    }

    private func expectImportRefused(file: String, saying expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try FuzzImportTests.head(fixture.store)
        let result = try fixture.run(["import", file, "--kind", "members"])
        #expect(result.status == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(expected), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(try FuzzImportTests.head(fixture.store) == before, sourceLocation: sourceLocation)
    }

    private static let header = Array("id,name,branch,status,since\n".utf8)

    @Test func aFiftyMegabyteLineIsRefusedByItsLineNumber() throws {
        var bytes = Self.header + Array("m7,王七,b1,full,2010-07-01\nm8,".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 50 << 20)
        bytes += Array(",b1,full,2010-07-01\nm9,王九,b1,full,2010-07-01\n".utf8)
        try expectImportRefused(bytes, saying: "hostile.csv line 3: longer than \(65_536) bytes")
    }

    /// A 4 GiB file whose third line never ends: 70 000 bytes of it are written, the rest is a
    /// hole (a sparse file, so the test writes little). Refused after reading its first
    /// megabyte, in the time a small file takes; reading it whole would take gigabytes of memory.
    @Test func aLineOfGigabytesIsRefusedWithoutReadingTheFile() throws {
        let file = fixture.directory.path("huge.csv")
        let start = Self.header + Array("m7,王七,b1,full,2010-07-01\nm8,".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 70_000)
        _ = FileManager.default.createFile(atPath: file, contents: Data(start))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        try handle.truncate(atOffset: 4 << 30)
        try handle.close()
        let started = Date()
        try expectImportRefused(file: file, saying: "huge.csv line 3: longer than \(65_536) bytes")
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func aHugeQuotedFieldSpanningLinesIsRefused() throws {
        let field = "\"" + String(repeating: "长\n", count: 40_000) + "\""
        try expectImportRefused(Self.header + Array("m8,\(field),b1,full,2010-07-01\n".utf8), saying: "hostile.csv line 2: longer than")
    }

    @Test func nulBytesAreRefused() throws {
        try expectImportRefused(Self.header + Array("m8,王".utf8) + [0] + Array(",b1,full,2010-07-01\n".utf8), saying: "hostile.csv line 2: holds a NUL byte")
        // A UTF-16 file (what "Unicode text" in Excel saves) is full of NULs.
        try expectImportRefused([0xFF, 0xFE] + Array("id,name".utf8).flatMap { [$0, 0] }, saying: "hostile.csv")
    }

    @Test func neitherUTF8NorGB18030IsRefused() throws {
        // 0xFF starts no GB18030 character; 0x81 0x20 is a GB18030 lead byte without its trail byte.
        for bad: [UInt8] in [[0xFF, 0xFE, 0xFD], [0x81, 0x20]] {
            try expectImportRefused(Self.header + Array("m8,".utf8) + bad + Array(",b1,full,2010-07-01\n".utf8),
                                    saying: "\(fixture.directory.path("hostile.csv")) line 2: neither UTF-8 nor GB18030")
        }
    }

    @Test func formulasInCSVExportsAreText() throws {
        let formula = "=cmd|' /C calc'!A0"
        try fixture.ok(["member", "add", "m66", "--name", formula, "--branch", "b1", "--status", "full", "--since", "2010-07-01"])
        try fixture.ok(["meeting", "log", "--branch", "b1", "--type", "party-lecture", "--date", "2026-03-02", "--topic", "@SUM(1+1)*cmd",
                        "--attendees", "m01,m66"])
        try expectFormulasEscaped(in: ["report", "attendance", "--period", "2026-Q1", "--format", "csv"], formula)
        try expectFormulasEscaped(in: ["member", "list", "--format", "csv"], formula)
    }

    private func expectFormulasEscaped(in arguments: [String], _ formula: String) throws {
        let csv = try fixture.ok(arguments)
        #expect(csv.contains("'" + formula), "\(arguments): \(csv)")
        for cell in csv.split(whereSeparator: { $0 == "," || $0 == "\n" || $0 == "\r\n" }) {
            #expect(!(cell.first.map { "=+@".contains($0) } ?? false), "\(arguments): a cell starts a formula: \(cell)")
        }
    }

    @Test func archiveMemberNamesLeavingTheFolderAreRefused() throws {
        for name in ["../x", "/etc/passwd", "reports/../../x"] {
            let archive = try HostileArchive.write([(name, Array("hello\n".utf8))], in: fixture.directory)
            try expectArchiveRefused(archive, saying: "member name \(name) points outside the archive's folder")
        }
    }

    @Test func aDecompressionBombStopsAtTheLimit() throws {
        // 256 gzip members of 8 MiB of zeros each: 2 GiB once unpacked, from about 2 MB.
        let zeros = GzipMember.compress([UInt8](repeating: 0, count: 8 << 20), level: 9)
        let tar = TarHeader(name: "reports/zeros.csv", size: 2 << 30, modificationTime: 0).encoded()
        let path = fixture.directory.path("bomb.tar.gz")
        _ = FileManager.default.createFile(atPath: path, contents: Data(GzipMember.compress(tar, level: 9) + (0..<256).flatMap { _ in zeros }))
        let started = Date()
        try expectArchiveRefused(path, saying: "over \(ArchiveReader.maximumExpansion) times its size")
        #expect(Date().timeIntervalSince(started) < 20)
    }

    @Test func anEndlessEventLineStopsAtTheLimit() throws {
        let line = [UInt8](repeating: UInt8(ascii: "{"), count: EventsChecker.maximumLineBytes + 1)
        let archive = try HostileArchive.write([("events.ndjson", line)], in: fixture.directory)
        try expectArchiveRefused(archive, saying: "events.ndjson line 1 or after is longer than \(EventsChecker.maximumLineBytes) bytes")
    }

    /// `archive verify` fails (exit 3) naming the file and `expected`; `archive import` refuses
    /// it and leaves the store as it was.
    private func expectArchiveRefused(_ path: String, saying expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let verify = try fixture.run(["archive", "verify", path])
        #expect(verify.status == 3, "\(verify.stderr)", sourceLocation: sourceLocation)
        #expect(verify.stderr.contains(path) && verify.stderr.contains(expected), "\(verify.stderr)", sourceLocation: sourceLocation)
        let before = try FuzzImportTests.head(fixture.store)
        let importing = try fixture.run(["archive", "import", path])
        #expect(importing.status != 0 && importing.stderr.contains(expected), "\(importing.stderr)", sourceLocation: sourceLocation)
        #expect(try FuzzImportTests.head(fixture.store) == before, sourceLocation: sourceLocation)
    }
}

/// A `.tar.gz` made by hand, to hold what dangjian never writes.
enum HostileArchive {
    static func tar(_ members: [(name: String, bytes: [UInt8])]) -> [UInt8] {
        members.flatMap { member in
            TarHeader(name: member.name, size: Int64(member.bytes.count), modificationTime: 0).encoded() + member.bytes
                + [UInt8](repeating: 0, count: TarHeader.padding(after: Int64(member.bytes.count)))
        } + [UInt8](repeating: 0, count: 2 * TarHeader.blockSize)
    }

    static func write(_ members: [(name: String, bytes: [UInt8])], in directory: TemporaryDirectory) throws -> String {
        let path = directory.path("hostile-\(UUID().uuidString).tar.gz")
        try Data(GzipMember.compress(tar(members), level: 6)).write(to: URL(fileURLWithPath: path))
        return path
    }
}
