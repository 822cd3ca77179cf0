import Archive
import Foundation
import Testing

/// The archive opens with stock tools, and the reference verifier of docs/archive-format.md,
/// run with Python's standard library, agrees with dangjian's.
@Suite struct StockToolsTests {
    /// The Python script from the document, so the document's verifier is the one tested.
    static func referenceVerifier(in fixture: Fixture) throws -> String {
        let document = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/archive-format.md")
        let text = try String(contentsOf: document, encoding: .utf8)
        let section = try #require(text.range(of: "### Reference verifier"))
        let start = try #require(text.range(of: "```python\n", range: section.upperBound..<text.endIndex))
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let path = fixture.path("verify_archive.py")
        try String(text[start.upperBound..<end.lowerBound]).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func publicKeyPEM(_ fixture: Fixture) throws -> String {
        let der = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00] + Array(fixture.key.publicKey.rawRepresentation)
        let path = fixture.path("hub.pub.pem")
        try "-----BEGIN PUBLIC KEY-----\n\(Data(der).base64EncodedString())\n-----END PUBLIC KEY-----\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func tarAndGzipOpenTheArchive() throws {
        let fixture = try Fixture()
        try fixture.appendEvents(count: 50, quarter: 1)
        let archive = try fixture.export(.sinceLast).path
        #expect(try Fixture.run("gzip", ["-t", archive]).status == 0)
        let listing = try Fixture.run("tar", ["-tzf", archive])
        #expect(listing.status == 0)
        #expect(listing.output.split(separator: "\n") == ["events.ndjson", "reports/sample.csv", "manifest.json", "manifest.json.sig"])
    }

    @Test func theDocumentsPythonVerifierAcceptsAGoodChainAndRejectsTampering() throws {
        let fixture = try Fixture()
        try fixture.appendEvents(count: 60, quarter: 1)
        let first = try fixture.export(.sinceLast).path
        try fixture.appendEvents(count: 40, quarter: 2)
        let second = try fixture.export(.sinceLast).path
        let script = try Self.referenceVerifier(in: fixture)
        let key = try Self.publicKeyPEM(fixture)

        let good = try Fixture.run("python3", [script, second, "--previous", first, "--public-key", key])
        #expect(good.status == 0, "\(good.output)")
        #expect(good.output.contains("OK"))

        let altered = try TamperTests.tampered(fixture, second, name: "py-altered") {
            try TamperTests.editLines($0) { $0[3] = Substring($0[3].replacingOccurrences(of: "会议", with: "会義")) }
        }
        let bad = try Fixture.run("python3", [script, altered, "--public-key", key])
        #expect(bad.status == 3)
        #expect(bad.output.contains("FAILED") && bad.output.contains("py-altered"), "\(bad.output)")

        let skipped = try Fixture.run("python3", [script, second, "--trusted-root", String(repeating: "ab", count: 32)])
        #expect(skipped.status == 3)
    }
}
