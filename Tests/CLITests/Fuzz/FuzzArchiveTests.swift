@testable import Archive
import Foundation
import Testing

/// Mutated audit archives — the compressed bytes, and the tar inside recompressed so the
/// mutations reach the members — for `ArchiveVerifier`: no crash or hang, and every refusal
/// is an `ArchiveError` naming the file and the reason.
@Suite("Fuzz: archive reader")
struct FuzzArchiveTests {
    @Test func mutatedArchivesAreVerifiedOrRefusedNamingTheFile() throws {
        let fixture = try SecurityFixture()
        let folder = fixture.directory.path("archives")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let exported = try fixture.ok(["archive", "export", "--since-last", "--out", folder]).trimmingCharacters(in: .whitespacesAndNewlines)
        let compressed = try [UInt8](Data(contentsOf: URL(fileURLWithPath: exported)))
        var tar: [UInt8] = []
        try GzipReader(path: exported).forEachChunk { tar += $0 }
        let path = fixture.directory.path("fuzz.tar.gz")
        var verified = 0
        for (layer, seed) in [("gzip", compressed), ("tar", tar)] {
            Fuzzing.run("archive \(layer)", seeds: [seed], for: Fuzzing.duration / 2, salt: layer == "gzip" ? 5 : 6) { input in
                let bytes = layer == "gzip" ? input : GzipMember.compress(input, level: 1)
                _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
                do {
                    _ = try ArchiveVerifier.verify(path)
                    verified += 1
                } catch let error as ArchiveError {
                    #expect(error.message.en.contains(path), "\(error.message.en)")
                    if case .verificationFailed(_, let problem) = error { #expect(!problem.en.isEmpty) }
                } catch {
                    Issue.record("not an ArchiveError: \(error) on \(Fuzzing.keep(bytes, "archive"))")
                }
            }
        }
        print("fuzz archive: \(verified) mutations still verified (bytes no check covers, such as the gzip header's time)")
    }
}
