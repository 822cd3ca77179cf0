import EventStore
import Foundation
import GRDB
@testable import PartyBuilding
@testable import Projections
import Testing

/// Inline projections and a full rebuild give the same tables, row by row.
@Suite struct RebuildTests {
    @Test(arguments: [1, 2, 3] as [UInt64])
    func inlineTablesEqualAFullRebuild(seed: UInt64) throws {
        let fixture = try TemporaryProjectedStore()
        var history = RandomHistory(seed: seed, store: fixture.store)
        try history.run(steps: 250)
        // The history exercises every kind of change a projection handles.
        for type in ["meeting.logged", "meeting.corrected", "meeting.retracted", "study.logged", "dues.paid",
                     "member.promoted", "member.transferred", "committee.elected"] {
            #expect(history.appended[type, default: 0] > 0, "seed \(seed) made no \(type)")
        }
        let inline = try fixture.dumpProjectionTables()
        try ProjectionMaintenance.rebuild(Set(ProjectionSet.names), in: fixture.store)
        let rebuilt = try fixture.dumpProjectionTables()
        #expect(inline.keys.sorted() == rebuilt.keys.sorted())
        for table in inline.keys.sorted() {
            #expect(inline[table] == rebuilt[table], "table \(table) differs after a rebuild (seed \(seed))")
        }
        #expect(inline.values.contains { !$0.isEmpty })
    }

    @Test func aProjectionWhoseVersionChangedIsRebuiltOnOpen() throws {
        let fixture = try TemporaryProjectedStore()
        var history = RandomHistory(seed: 9, store: fixture.store)
        try history.run(steps: 60)
        let before = try fixture.dumpProjectionTables()
        // As after an upgrade that changed the meeting projection: its tables are stale.
        try fixture.store.withWriteTransaction { db in
            try db.execute(sql: "UPDATE projection_versions SET version = 0 WHERE name = 'meetings'; DELETE FROM meetings_held")
        }
        #expect(try ProjectionMaintenance.outdated(in: fixture.store) == ["meetings"])
        var rebuilding: [String] = []
        _ = try ProjectionMaintenance.open(path: fixture.path, progress: { names, _, _ in rebuilding = names })
        #expect(rebuilding == ["meetings"])
        #expect(try fixture.dumpProjectionTables() == before)
    }
}

/// A store with every projection, in a temporary folder.
final class TemporaryProjectedStore {
    let directory: URL
    let path: String
    let store: EventStore

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("projections-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("store.sqlite").path
        store = try ProjectionMaintenance.open(path: path, create: true)
    }

    /// Every projection table's rows, in primary-key order, as text.
    func dumpProjectionTables() throws -> [String: [String]] {
        try Self.dumpProjectionTables(of: store)
    }

    static func dumpProjectionTables(of store: EventStore) throws -> [String: [String]] {
        try store.snapshot { db in
            var tables: [String: [String]] = [:]
            for projection in ProjectionSet.all.projections {
                for table in projection.tables {
                    let columns = try db.columns(in: table).map(\.name)
                    let primaryKey = try db.primaryKey(table).columns
                    tables[table] = try Row.fetchAll(
                        db, sql: "SELECT * FROM \(table) ORDER BY \(primaryKey.joined(separator: ", "))"
                    ).map { row in columns.map { "\(row[$0] as DatabaseValue)" }.joined(separator: "|") }
                }
            }
            return tables
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }
}
