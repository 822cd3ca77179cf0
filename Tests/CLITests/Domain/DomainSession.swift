import Foundation
import Testing

/// A store in a temporary folder, and the `dangjian` commands a secretary runs against it,
/// with "today" fixed so the date rules give the same answers every day.
struct DomainSession {
    let directory: TemporaryDirectory
    let store: String
    static let today = "2026-03-20"

    init() throws {
        directory = try TemporaryDirectory()
        store = directory.path("hub.sqlite")
        try #require(try Dangjian.run(["init", "--store", store]).status == 0)
    }

    var environment: [String: String] { ["DANGJIAN_STORE": store, "DANGJIAN_TODAY": Self.today] }

    func run(_ arguments: [String]) throws -> Dangjian.Result {
        try Dangjian.run(arguments, environment: environment)
    }

    /// Runs a command that must succeed; returns its stdout without the final line break.
    @discardableResult
    func ok(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try run(arguments)
        #expect(result.status == 0, "dangjian \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        return result.stdout.trimmingCharacters(in: .newlines)
    }

    /// Every envelope, one canonical NDJSON line each.
    func eventLines() throws -> [String] {
        try ok(["events", "--format", "ndjson"]).split(separator: "\n").map(String.init)
    }

    /// The store file's bytes after folding the WAL into it, and the WAL's bytes then (empty).
    /// Every byte counts, the header's change counters included: opening a store does not write to it.
    func fileSnapshot() throws -> Data {
        try Python.run("""
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1]); db.execute("PRAGMA wal_checkpoint(TRUNCATE)"); db.close()
            """, arguments: [store])
        var bytes = try Data(contentsOf: URL(fileURLWithPath: store))
        if let wal = FileManager.default.contents(atPath: store + "-wal") { bytes.append(wal) }
        return bytes
    }

    /// The package root, where schemas/ lives.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
}

/// Runs small inline Python scripts (the JSON Schema validator, SQLite checkpoints).
enum Python {
    @discardableResult
    static func run(_ script: String, arguments: [String] = [], input: String = "") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let (stdin, stdout, stderr) = (Pipe(), Pipe(), Pipe())
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: output, as: UTF8.self)
        #expect(process.terminationStatus == 0, "python: \(text)\(String(decoding: errors, as: UTF8.self))")
        return text
    }

    /// Validates every domain payload of the given NDJSON envelopes against schemas/events;
    /// returns the event types it checked.
    static func validatePayloads(_ lines: [String]) throws -> Set<String> {
        let output = try run("""
            import json, sys, pathlib
            from jsonschema import Draft202012Validator
            folder = pathlib.Path(sys.argv[1])
            seen, failures = set(), []
            for line in sys.stdin:
                envelope = json.loads(line)
                path = folder / (envelope["type"] + ".schema.json")
                if not path.exists():
                    failures.append("no schema for " + envelope["type"]); continue
                schema = json.loads(path.read_text(encoding="utf-8"))
                Draft202012Validator.check_schema(schema)
                for error in Draft202012Validator(schema).iter_errors(envelope["payload"]):
                    failures.append(f"{envelope['type']} at {envelope['position']}: {error.message}")
                seen.add(envelope["type"])
            print("\\n".join(failures) if failures else "types:" + ",".join(sorted(seen)))
            sys.exit(1 if failures else 0)
            """, arguments: [DomainSession.packageRoot.appendingPathComponent("schemas/events").path],
            input: lines.joined(separator: "\n") + "\n")
        let types = output.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "types:", with: "")
        return Set(types.split(separator: ",").map(String.init))
    }
}
