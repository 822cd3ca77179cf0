import EventStore
import Foundation
import GRDB
import Testing

@Suite struct SecretsTests {
    /// Bytes no SQLite page would hold by chance.
    static let key: [UInt8] = Array("0123456789abcdef-secret-key-bytes".utf8)

    @Test func aSecretIsStoredWithItsEventAndCanBeDestroyed() throws {
        let fixture = try TemporaryStore()
        let store = try fixture.open()
        try store.append([StreamWrite(streamID: "s", expectedVersion: .any, events: [event()])], secrets: [.store(id: "k1", key: Self.key)])
        #expect(try store.secret(id: "k1") == Self.key)
        try store.append([StreamWrite(streamID: "s", expectedVersion: .any, events: [event()])], secrets: [.destroy(id: "k1")])
        #expect(try store.secret(id: "k1") == nil)
        #expect(try store.verifyChain().failure == nil)
    }

    @Test func aRefusedAppendStoresNoSecret() throws {
        let fixture = try TemporaryStore()
        let store = try fixture.open()
        try store.append([event()], to: "s", expecting: .any)
        #expect(throws: EventStoreError.self) {
            try store.append([StreamWrite(streamID: "s", expectedVersion: .noStream, events: [event()])], secrets: [.store(id: "k", key: Self.key)])
        }
        #expect(try store.secret(id: "k") == nil)
    }

    @Test func aDestroyedSecretLeavesNoCopyInTheFileOrItsWAL() throws {
        let fixture = try TemporaryStore()
        let store = try fixture.open()
        try store.append([StreamWrite(streamID: "s", expectedVersion: .any, events: [event()])], secrets: [.store(id: "k1", key: Self.key)])
        #expect(try Self.filesContain(Self.key, fixture.path), "the test must see the key before it is destroyed")
        try store.append([StreamWrite(streamID: "s", expectedVersion: .any, events: [event()])], secrets: [.destroy(id: "k1")])
        #expect(try !Self.filesContain(Self.key, fixture.path))
    }

    @Test func onlyEventsAreProtectedByTriggers() throws {
        let fixture = try TemporaryStore()
        let store = try fixture.open()
        try store.append([StreamWrite(streamID: "s", expectedVersion: .any, events: [event()])], secrets: [.store(id: "k1", key: Self.key)])
        let database = try DatabaseQueue(path: fixture.path)
        try database.write { try $0.execute(sql: "DELETE FROM personal_keys") }
        #expect(throws: DatabaseError.self) { try database.write { try $0.execute(sql: "DELETE FROM events") } }
    }

    static func filesContain(_ bytes: [UInt8], _ path: String) throws -> Bool {
        let needle = Data(bytes)
        return ["", "-wal"].contains { suffix in
            (FileManager.default.contents(atPath: path + suffix) ?? Data()).range(of: needle) != nil
        }
    }
}
