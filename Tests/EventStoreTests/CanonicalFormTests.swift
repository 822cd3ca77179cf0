import EventStore
import Foundation
import Testing

/// The stored hashes agree with an independent implementation: the Python verifier given in
/// docs/event-format.md, which re-serialises every parsed envelope with Python's own `json`
/// and hashes it with `hashlib`, sharing no code with the store.
@Suite struct CanonicalFormTests {
    static let awkwardPayloads: [JSONValue] = [
        .object(["topic": .string("三会一课：学习贯彻党的二十大精神"), "place": .string("官渡区关上街道党群服务中心")]),
        .object(["emoji": .string("🇨🇳 👨‍👩‍👧 ✊🏽 😀"), "mixed": .string("e\u{301} é Ω")]),
        .object(["quotes": .string(#"He said "好" and left"#), "backslashes": .string(#"C:\dangjian\新建\"#), "slash": .string("a/b</script>")]),
        .object(["controls": .string((0..<32).map { String(UnicodeScalar(UInt8($0))) }.joined() + "\u{7F}\u{2028}\u{2029}")]),
        .object(["max": .integer(Int64.max), "min": .integer(Int64.min), "negative": .integer(-42), "zero": .integer(0)]),
        .object([
            "z": .integer(1), "a": .integer(2), "A": .integer(3), "中": .integer(4), "😀": .integer(5),
            "\u{FF5E}": .integer(6), "é": .integer(7), "": .integer(8), "a b": .integer(9),
            "nested": .object(["list": .array([.null, .bool(true), .bool(false), .array([]), .object([:]), .string("")])]),
        ]),
        .array([.string("top-level array"), .integer(-1)]),
        .string("a bare string payload"),
        .null,
    ]

    @Test func storedHashesAgreeWithTheDocumentedPythonVerifier() throws {
        let fixture = try TemporaryStore()
        let store = try fixture.open()
        for (index, payload) in Self.awkwardPayloads.enumerated() {
            let metadata = EventMetadata(
                actor: "书记 \"王\" \\ 😀", correlationID: UUID().uuidString.lowercased(),
                causationID: index.isMultiple(of: 2) ? nil : UUID().uuidString.lowercased())
            try store.append(
                [NewEvent(type: "awkward-\(index)", businessTime: "2026-03-0\(index % 9 + 1)T08:00:00+08:00", payload: payload, metadata: metadata)],
                to: "stream 流 \(index % 3)", expecting: .any)
        }
        let events = try store.readAll()
        let ndjson = fixture.directory.appendingPathComponent("events.ndjson")
        try events.map { $0.canonicalLine + "\n" }.joined().write(to: ndjson, atomically: true, encoding: .utf8)

        let output = try runPython(script: try documentedVerifier(), arguments: [ndjson.path])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout == "verified \(events.count) events; head \(events.last!.hash)\n")
    }

    @Test func theDocumentedVerifierRejectsAnAlteredLine() throws {
        let fixture = try TemporaryStore()
        let store = try fixture.open()
        try store.append([event("一"), event("二"), event("三")], to: "s", expecting: .any)
        let lines = try store.readAll().map(\.canonicalLine)
        let altered = lines[0] + "\n" + lines[1].replacingOccurrences(of: "二", with: "贰") + "\n" + lines[2] + "\n"
        let ndjson = fixture.directory.appendingPathComponent("events.ndjson")
        try altered.write(to: ndjson, atomically: true, encoding: .utf8)
        let output = try runPython(script: try documentedVerifier(), arguments: [ndjson.path])
        #expect(output.status != 0)
        #expect(output.stderr.contains("hash mismatch at 2"))
    }

    /// The Python program in docs/event-format.md, as an auditor would copy it.
    func documentedVerifier() throws -> String {
        let doc = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/event-format.md"), encoding: .utf8)
        let start = try #require(doc.range(of: "```python\n"))
        let end = try #require(doc.range(of: "```", range: start.upperBound..<doc.endIndex))
        return String(doc[start.upperBound..<end.lowerBound])
    }
}

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Runs `python3 -c script arguments...`.
func runPython(script: String, arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

/// Every envelope the store prints matches schemas/envelope.schema.json, checked by Python's
/// `jsonschema` package (a real validator, not ours).
@Suite struct EnvelopeSchemaTests {
    @Test func printedEnvelopesMatchTheSchema() throws {
        let fixture = try TemporaryStore()
        let store = try fixture.open()
        for payload in CanonicalFormTests.awkwardPayloads {
            try store.append([NewEvent(type: "awkward", businessTime: "2026-03-01", payload: payload, metadata: EventMetadata(actor: "王书记", correlationID: UUID().uuidString.lowercased()))], to: "流", expecting: .any)
        }
        let ndjson = fixture.directory.appendingPathComponent("events.ndjson")
        try (try store.readAll()).map { $0.canonicalLine + "\n" }.joined().write(to: ndjson, atomically: true, encoding: .utf8)
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            lines = open(sys.argv[2], encoding="utf-8").read().rstrip("\\n").split("\\n")
            for number, line in enumerate(lines, 1):
                errors = list(validator.iter_errors(json.loads(line)))
                if errors: sys.exit("line %d: %s" % (number, errors[0].message))
            bad = json.loads(lines[0]); bad["payload"] = {"hours": 1.5}
            if validator.is_valid(bad): sys.exit("a fractional number was accepted")
            print(len(lines))
            """
        let result = try runPython(script: script, arguments: [repositoryRoot.appendingPathComponent("schemas/envelope.schema.json").path, ndjson.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "\(CanonicalFormTests.awkwardPayloads.count)\n")
    }
}
