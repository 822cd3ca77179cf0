import Archive
import EventStore
import Foundation
import SystemCrypto

/// A scratch folder with a store, a key pair and helpers to fill the log and export it.
final class Fixture {
    let folder: URL
    let store: EventStore
    let key = Curve25519.Signing.PrivateKey()

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("archive-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try EventStore(path: folder.appendingPathComponent("hub.sqlite").path, create: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Appends `count` events dated in `year`-`quarter`, over a few streams, with text that
    /// needs escaping and Chinese, so the canonical form is exercised.
    func appendEvents(count: Int, year: Int = 2026, quarter: Int) throws {
        for index in 0..<count {
            let month = (quarter - 1) * 3 + 1 + index % 3
            let day = 1 + index % 28
            let date = String(format: "%04d-%02d-%02d", year, month, day)
            let event = NewEvent(
                type: index % 2 == 0 ? "meeting-held" : "dues-paid",
                businessTime: index % 5 == 0 ? date + "T09:30:00+08:00" : date,
                payload: .object([
                    "index": .integer(Int64(index)),
                    "topic": .string("第\(index)次 \"支部\" 会议\n\t/\\ \u{1}"),
                    "amount_fen": .integer(Int64(-index * 100)),
                    "tags": .array([.bool(true), .null, .string("学习")]),
                ]),
                metadata: EventMetadata(actor: "书记 \(index % 3)", correlationID: index % 4 == 0 ? UUID().uuidString.lowercased() : nil))
            try store.append([event], to: "branch-\(index % 4)", expecting: .any)
        }
    }

    /// Appends `count` events in large transactions: enough bytes for an archive whose
    /// events are checked in several batches on several cores.
    func appendMany(_ count: Int) throws {
        for start in stride(from: 0, to: count, by: 1_000) {
            let events = (start..<min(count, start + 1_000)).map { index in
                NewEvent(
                    type: "study-logged", businessTime: "2026-02-\(10 + index % 10)",
                    payload: .object(["index": .integer(Int64(index)), "course": .string("党章 \"第\(index % 7)章\"\n")]),
                    metadata: EventMetadata(actor: "书记"))
            }
            try store.append(events, to: "member-\(start / 1_000)", expecting: .any)
        }
    }

    @discardableResult
    func export(
        _ selection: ArchiveSelection, period: String? = nil, signed: Bool = true, progress: ArchiveProgress = { _, _ in }
    ) throws -> ArchiveExportResult {
        let request = ArchiveExportRequest(
            positions: try selection.positions(in: store), period: period, outputDirectory: folder.path, hubID: "guandu",
            toolVersion: "dangjian test", actor: "tester", signingKey: signed ? key : nil,
            documents: { [CSVDocument(name: "reports/sample.csv", csv: "name,value\r\n'=cmd(),-5\r\n党支部,\"a,b\"\r\n")] })
        return try ArchiveExporter.export(request, from: store, progress: progress)
    }

    /// Runs a program, returning its exit status and output.
    @discardableResult
    static func run(_ program: String, _ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
