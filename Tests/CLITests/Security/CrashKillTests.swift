import DistrictSimulator
import Foundation
import GRDB
import Testing

/// Writers killed with SIGKILL at seeded random moments (docs/security.md, "Crash safety"):
/// large imports here, single secretary commands (`CrashKillSecretaryTests.swift`) and
/// `archive import` (`CrashKillArchiveTests.swift`). After each kill: the store opens and
/// verifies, what the command writes is in whole or not at all, the query tables equal a
/// rebuild from the log, and running the command again completes with nothing twice.
/// `DANGJIAN_LONG_CHECKS=1` kills more often, with larger files.
@Suite("Crash safety: writers killed at random moments", .serialized)
struct CrashKillTests {
    private let kills = LongChecks.choose(short: 5, long: 50)
    private let memberRows = LongChecks.choose(short: 2_000, long: 20_000)
    private let meetingRows = LongChecks.choose(short: 150, long: 1_000)

    @Test func importsKilledAtRandomMomentsAreAllOrNothing() throws {
        var random = SeededRandom(seed: LongChecks.seed)
        // How long a whole import of each kind takes, so the kills spread over all of it.
        var duration: [ImportFile.Kind: TimeInterval] = [:]
        var landed = (nothingWritten: 0, allWritten: 0), finishedFirst = 0
        for cycle in 0..<kills {
            // A fresh store each time, so a cycle costs the same however many ran before it.
            let fixture = try SecurityFixture(member: false)
            try fixture.ok(["member", "add", "a1", "--name", "甲", "--branch", "b1", "--status", "full", "--since", "2010-07-01"])
            try fixture.ok(["member", "add", "a2", "--name", "乙", "--branch", "b1", "--status", "full", "--since", "2010-07-01"])
            let file = cycle % 2 == 0
                ? ImportFile.members(cycle: cycle, rows: memberRows)
                : ImportFile.meetings(cycle: cycle, rows: meetingRows, attendees: ["a1", "a2"])
            let path = fixture.directory.path("cycle-\(cycle).csv")
            try file.text.write(toFile: path, atomically: true, encoding: .utf8)
            let arguments = ["import", path, "--kind", file.kind.rawValue]
            let before = try Self.count(of: file.kind, in: fixture.store)
            if duration[file.kind] == nil {
                let started = Date()
                try fixture.ok(arguments + ["--dry-run"])
                duration[file.kind] = Date().timeIntervalSince(started) * 2
            }
            let (killed, delay) = try Self.runKilled(arguments, environment: fixture.environment, within: duration[file.kind]!, random: &random)
            let context = "seed \(LongChecks.seed), cycle \(cycle), \(file.kind.rawValue), killed after \(Int(delay * 1000)) ms"

            let verify = try fixture.run(["verify"])
            #expect(verify.status == 0, "\(context): \(verify.stderr)")
            let after = try Self.count(of: file.kind, in: fixture.store)
            #expect(after == before || after == before + file.rows, "\(context): \(after - before) of \(file.rows) rows are in")
            if !killed { finishedFirst += 1 } else if after == before { landed.nothingWritten += 1 } else { landed.allWritten += 1 }
            try Self.expectQueryTablesEqualARebuild(fixture.store, context)

            let started = Date()
            let again = try fixture.run(arguments)
            duration[file.kind] = Date().timeIntervalSince(started)
            #expect(again.status == 0, "\(context): importing again: \(again.stderr)")
            #expect(try Self.count(of: file.kind, in: fixture.store) == before + file.rows, "\(context): after importing again")
            #expect(again.stdout.contains(after == before ? "imported \(file.rows) rows" : "\(file.rows) already imported"), "\(context): \(again.stdout)")
            try Self.expectQueryTablesEqualARebuild(fixture.store, context + ", imported again")
        }
        print("crash safety (seed \(LongChecks.seed)): \(kills) kills, \(landed.nothingWritten) before the commit (nothing in), "
              + "\(landed.allWritten) after it (all in), \(finishedFirst) imports finished before their kill")
    }

    /// The rows of the kind's one event type in the log: `member.added` or `meeting.logged`.
    private static func count(of kind: ImportFile.Kind, in store: String) throws -> Int {
        let type = kind == .members ? "member.added" : "meeting.logged"
        return try DatabaseQueue(path: store).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM events WHERE type = ?", arguments: [type]) ?? 0
        }
    }

    /// Starts `dangjian arguments` and kills it with SIGKILL after a seeded random delay
    /// between 0 and 1.2 × `duration` (so that some runs finish first); whether the kill
    /// landed, and the delay.
    static func runKilled(
        _ arguments: [String], environment: [String: String], within duration: TimeInterval, random: inout SeededRandom
    ) throws -> (killed: Bool, delay: TimeInterval) {
        let delay = Double.random(in: 0...(duration * 1.2), using: &random)
        let writer = try BackgroundDangjian(arguments, environment: environment)
        Thread.sleep(forTimeInterval: delay)
        return (writer.kill(), delay)
    }

    static func expectQueryTablesEqualARebuild(_ store: String, _ context: String) throws {
        let kept = try StoreTables.dump(store)
        let rebuild = try Dangjian.run(["rebuild", "--store", store], environment: ["DANGJIAN_TODAY": DomainSession.today])
        #expect(rebuild.status == 0, "\(context): \(rebuild.stderr)")
        let rebuilt = try StoreTables.dump(store)
        #expect(kept == rebuilt, "\(context): the query tables differ from a rebuild in \(kept.keys.filter { kept[$0] != rebuilt[$0] }.sorted())")
    }
}

/// A generated CSV file for `dangjian import`, different in every cycle.
struct ImportFile {
    enum Kind: String {
        case members, meetings
    }

    var kind: Kind
    var rows: Int
    var text: String

    static func members(cycle: Int, rows: Int) -> ImportFile {
        let lines = (0..<rows).map { "c\(cycle)-\($0),成员\(cycle)-\($0),b1,full,2015-07-01" }
        return ImportFile(kind: .members, rows: rows, text: "id,name,branch,status,since\n" + lines.joined(separator: "\n") + "\n")
    }

    static func meetings(cycle: Int, rows: Int, attendees: [String]) -> ImportFile {
        let lines = (0..<rows).map { "b1,party-lecture,2026-03-0\($0 % 9 + 1),第\(cycle)轮第\($0)讲,\(attendees.joined(separator: ";"))" }
        return ImportFile(kind: .meetings, rows: rows, text: "branch,type,date,topic,attendees\n" + lines.joined(separator: "\n") + "\n")
    }
}
