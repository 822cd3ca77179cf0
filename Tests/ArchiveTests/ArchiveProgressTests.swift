import Archive
import EventStore
import Foundation
import Testing

/// Export, verify and import say how far they have come, for the progress line on a terminal.
@Suite struct ArchiveProgressTests {
    /// What one piece of work reported: more than once, always of `total`, never going back,
    /// and the whole of it at the end.
    static func expectSteadyToTheEnd(_ reports: [(done: Int64, total: Int64)], total: Int64, _ what: String) {
        #expect(reports.count > 2, "\(what): \(reports.count) reports")
        #expect(reports.allSatisfy { $0.total == total }, "\(what): \(reports)")
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.done <= $1.done }, "\(what) went back: \(reports)")
        #expect(reports.last?.done == total, "\(what) did not end at \(total): \(reports.suffix(3))")
    }

    @Test func exportVerifyAndImportReportHowFarTheyHaveCome() throws {
        let fixture = try Fixture()
        // Several blocks of the export, gzip members of the file and batches of the import.
        try fixture.appendMany(12_000)
        var exported: [(done: Int64, total: Int64)] = []
        let result = try fixture.export(.sinceLast) { exported.append(($0, $1)) }
        Self.expectSteadyToTheEnd(exported, total: 12_000, "export")

        let size = try #require(try FileManager.default.attributesOfItem(atPath: result.path)[.size] as? Int64)
        var verified: [(done: Int64, total: Int64)] = []
        _ = try ArchiveVerifier.verify(result.path) { verified.append(($0, $1)) }
        Self.expectSteadyToTheEnd(verified, total: size, "verify")

        let copy = try EventStore(path: fixture.path("copy.sqlite"), create: true)
        var appended: [(done: Int64, total: Int64)] = []
        try ArchiveImporter.importArchive(try ArchiveVerifier.verify(result.path), from: result.path, into: copy) {
            appended.append(($0, $1))
        }
        Self.expectSteadyToTheEnd(appended, total: 12_000, "import")
    }
}
