import EventStore
import Foundation

/// A store in a fresh temporary folder, removed afterwards.
final class TemporaryStore {
    let directory: URL
    let path: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("eventstore-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("store.sqlite").path
    }

    func open(projectors: [any InlineProjector] = []) throws -> EventStore {
        try EventStore(path: path, create: true, clock: { Date(timeIntervalSince1970: 1_767_225_600) }, projectors: projectors)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }
}

func event(_ text: String = "x", type: String = "thing-happened", id: String = UUID().uuidString.lowercased(), date: String = "2026-03-01") -> NewEvent {
    NewEvent(
        eventID: id, type: type, businessTime: date,
        payload: .object(["text": .string(text)]),
        metadata: EventMetadata(actor: "tester"))
}

/// Runs the `store-load` tool built next to the tests, from its own process.
enum StoreLoad {
    static let executable: URL = {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for candidate in [products, products.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("store-load")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        fatalError("store-load is not built next to \(products.path)")
    }()

    /// Starts `store-load store stream count batch expect` without waiting for it.
    static func start(store: String, stream: String, count: Int, batch: Int, expect: String) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = [store, stream, String(count), String(batch), expect]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
