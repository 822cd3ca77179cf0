import DistrictSimulator
import Foundation
import GRDB
import Testing

/// `archive import` killed at seeded random moments, into a store it creates (even cycles) or
/// an empty one made by `init` (odd cycles).
extension CrashKillTests {
    @Test func archiveImportsKilledAtRandomMomentsLeaveAStoreThatOpens() throws {
        let kills = LongChecks.choose(short: 4, long: 30)
        // Long: more than two of ArchiveImporter's batches of 5 000 events.
        let memberRows = LongChecks.choose(short: 800, long: 12_000)
        var random = SeededRandom(seed: LongChecks.seed ^ 4)
        let source = try SecurityFixture()
        for file in [ImportFile.members(cycle: 0, rows: memberRows), ImportFile.meetings(cycle: 0, rows: 40, attendees: ["m01"])] {
            let path = source.directory.path("\(file.kind.rawValue).csv")
            try file.text.write(toFile: path, atomically: true, encoding: .utf8)
            try source.ok(["import", path, "--kind", file.kind.rawValue])
        }
        let total = try Self.head(source.store)
        let lastHash = try Self.hash(source.store, at: total)
        let folder = source.directory.path("archives")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let archive = try source.ok(["archive", "export", "--from", "1", "--to", "\(total)", "--out", folder])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let environment = ["DANGJIAN_TODAY": DomainSession.today]
        var started = Date()
        _ = try Dangjian.run(["archive", "import", "--store", source.directory.path("timing.sqlite"), archive], environment: environment)
        // How long a whole import takes, so the kills spread over all of it; updated from each rerun.
        var duration = Date().timeIntervalSince(started)

        var outcomes: [String: Int] = [:]
        for cycle in 0..<kills {
            let target = source.directory.path("copy-\(cycle).sqlite")
            if cycle % 2 == 1 { try #require(try Dangjian.run(["init", "--store", target]).status == 0) }
            let arguments = ["archive", "import", "--store", target, archive]
            let (killed, delay) = try Self.runKilled(arguments, environment: environment, within: duration, random: &random)
            let context = "seed \(LongChecks.seed), cycle \(cycle), killed after \(Int(delay * 1000)) ms"

            guard FileManager.default.fileExists(atPath: target) else {
                outcomes["killed before the store was made", default: 0] += 1
                started = Date()
                let again = try Dangjian.run(arguments, environment: environment)
                duration = Date().timeIntervalSince(started)
                #expect(try again.status == 0 && Self.head(target) == total, "\(context): importing again: \(again.stderr)")
                continue
            }
            // A store is made under another name and renamed into place: it is whole or absent.
            let verify = try Dangjian.run(["verify", "--store", target])
            #expect(verify.status == 0, "\(context): \(verify.stderr)")
            // What is in is the archive's first events, exactly as recorded: nothing else, nothing twice.
            let inStore = try Self.head(target)
            let isPrefix = try inStore <= total && Self.hash(target, at: inStore) == Self.hash(source.store, at: inStore)
            #expect(isPrefix, "\(context): the store holds \(inStore) events that are not the archive's first")
            try Self.expectQueryTablesEqualARebuild(target, context)
            outcomes[!killed ? "finished before the kill" : inStore == 0 ? "nothing in" : inStore == total ? "all in" : "part in", default: 0] += 1

            started = Date()
            let again = try Dangjian.run(arguments, environment: environment)
            if inStore == 0 { duration = Date().timeIntervalSince(started) }
            let complete = try again.status == 0 && Self.head(target) == total && Self.hash(target, at: total) == lastHash
            // Finished: the events already in are checked and skipped, the rest appended.
            #expect(complete, "\(context): importing again after \(inStore) of \(total) events were in: \(again.stderr)")
            #expect(try Dangjian.run(["verify", "--store", target]).status == 0, "\(context): after importing again")
            try Self.expectQueryTablesEqualARebuild(target, context + ", imported again")
        }
        print("crash safety, archive import of \(total) events (seed \(LongChecks.seed)): \(kills) kills: "
              + outcomes.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
    }

    static func hash(_ store: String, at position: Int) throws -> String? {
        try DatabaseQueue(path: store).read { try String.fetchOne($0, sql: "SELECT hash FROM events WHERE position = ?", arguments: [position]) }
    }
}
