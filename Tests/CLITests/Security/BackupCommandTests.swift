import Foundation
import GRDB
import Testing

@Suite struct BackupCommandTests {
    /// The `store-load` tool built next to `dangjian`: appends from its own process.
    static let storeLoad = Dangjian.executable.deletingLastPathComponent().appendingPathComponent("store-load")

    @Test func aBackupTakenWhileAnotherProcessAppendsIsAConsistentPrefix() throws {
        let fixture = try SecurityFixture()
        let writer = Process()
        writer.executableURL = Self.storeLoad
        writer.arguments = [fixture.store, "load-stream", "20000", "20", "any", "200"]
        writer.standardOutput = FileHandle.nullDevice
        try writer.run()
        var copies: [String] = []
        // Copies while the writer is busy.
        while writer.isRunning && copies.count < 4 {
            let copy = fixture.directory.path("copy-\(copies.count).sqlite")
            try fixture.ok(["backup", "--out", copy])
            copies.append(copy)
        }
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        let live = try DatabaseQueue(path: fixture.store)
        let liveCount = try live.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM events") }
        var sizes: [Int] = []
        for copy in copies {
            let verify = try Dangjian.run(["verify", "--store", copy])
            #expect(verify.status == 0, "\(copy): \(verify.stderr)")
            // Every event of the copy is the live store's event at the same position.
            let rows = try DatabaseQueue(path: copy).read { try Row.fetchAll($0, sql: "SELECT position, hash FROM events") }
            sizes.append(rows.count)
            let head = try #require(rows.last)
            let liveHash = try live.read { try String.fetchOne($0, sql: "SELECT hash FROM events WHERE position = ?", arguments: [head["position"] as Int64]) }
            #expect(liveHash == head["hash"])
        }
        #expect(sizes.contains { $0 < liveCount ?? 0 }, "no copy was taken while the writer appended: \(sizes) of \(liveCount ?? 0)")
    }

    @Test func anExistingFileIsReplacedOnlyWithForce() throws {
        let fixture = try SecurityFixture()
        let copy = fixture.directory.path("copy.sqlite")
        try "do not lose me".write(toFile: copy, atomically: true, encoding: .utf8)
        let refused = try fixture.run(["backup", "--out", copy])
        #expect(refused.status == 1)
        #expect(refused.stderr == "dangjian: \(copy) exists already: a backup never replaces a file unasked; choose another --out, or add --force to replace it\n")
        #expect(try String(contentsOfFile: copy, encoding: .utf8) == "do not lose me")
        try fixture.ok(["backup", "--out", copy, "--force"])
        #expect(try Dangjian.run(["verify", "--store", copy]).status == 0)
        #expect(try fixture.ok(["events", "--store", copy]) == (try fixture.ok(["events"])))
    }
}
