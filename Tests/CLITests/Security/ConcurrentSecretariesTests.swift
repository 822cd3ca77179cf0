import Foundation
import GRDB
import Testing

/// Secretaries of many branches writing at once, two of them to the same branch, while an
/// operator reads warnings and exports archives (docs/security.md, "Concurrent writers").
/// Nothing is lost, nothing fails with "database is locked", a conflict is exit 1 with the
/// version-conflict message, and what the operator got is consistent with a prefix of the log.
@Suite("Concurrent secretaries and an operator", .serialized)
struct ConcurrentSecretariesTests {
    private static let branches = 8
    private let commandsPerSecretary = LongChecks.choose(short: 9, long: 60)

    /// What one secretary's commands did.
    private struct Tally {
        var appended: [String: Int] = [:]
        var conflicts = 0
        var otherFailures: [String] = []
    }

    @Test func nothingIsLostAndReadersSeeAPrefix() throws {
        let fixture = try SecurityFixture(member: false)
        let shared = "b\(Self.branches + 1)"
        try setUp(fixture, shared: shared)
        let baseline = try Self.eventCounts(fixture.store)
        // Eight secretaries of their own branches, two of the same one, each a series of `dangjian` processes.
        let secretaries = (1...Self.branches).map { ("b\($0)", "b\($0)-1") } + [(shared, "\(shared)-1"), (shared, "\(shared)-2")]
        let tallies = Locked([Tally](repeating: Tally(), count: secretaries.count))
        let writersDone = Locked(false)
        let operatorResults = Locked([Dangjian.Result]())
        let archives = fixture.directory.path("archives")
        try FileManager.default.createDirectory(atPath: archives, withIntermediateDirectories: false)

        let environment = fixture.environment
        let group = DispatchGroup()
        for (index, (branch, payer)) in secretaries.enumerated() {
            DispatchQueue.global().async(group: group) {
                let tally = Self.secretary(index: index, branch: branch, payer: payer, commands: commandsPerSecretary, environment)
                tallies.update { $0[index] = tally }
            }
        }
        let operatorDone = DispatchGroup()
        DispatchQueue.global().async(group: operatorDone) {
            var round = 0
            repeat {
                let command = round % 2 == 0 ? ["warnings", "list", "--format", "json"] : ["archive", "export", "--since-last", "--out", archives]
                if let result = try? Dangjian.run(command, environment: environment) { operatorResults.update { $0.append(result) } }
                round += 1
            } while !writersDone.value
        }
        group.wait()
        writersDone.update { $0 = true }
        operatorDone.wait()

        let counts = try Self.eventCounts(fixture.store)
        let all = tallies.value
        for type in ["meeting.logged", "study.logged", "dues.paid"] {
            let reported = all.reduce(0) { $0 + ($1.appended[type] ?? 0) }
            #expect(counts[type, default: 0] - baseline[type, default: 0] == reported, "\(type): the secretaries reported \(reported) appended")
        }
        #expect(all.flatMap(\.otherFailures).isEmpty)
        let operatorRuns = operatorResults.value
        for result in operatorRuns {
            #expect(result.status == 0, "the operator: \(result.stderr)")
            #expect(!result.stderr.contains("locked"))
        }
        try expectArchivesArePrefixes(archives, fixture)
        #expect(try fixture.run(["verify"]).status == 0)
        print("concurrent secretaries: \(secretaries.count) writers, \(all.reduce(0) { $0 + $1.appended.values.reduce(0, +) }) commands appended, "
              + "\(all.reduce(0) { $0 + $1.conflicts }) conflicts reported, \(operatorRuns.count) operator runs")
    }

    /// Two secretaries record talks with the same applicant at the same moment. Both read the
    /// applicant's stream at one version while the test holds the write lock, so whichever
    /// appends second conflicts; the CLI decides it again on the fresh state
    /// (`DomainWrite.conflictRetries`) and both talks are recorded.
    @Test func aConflictIsDecidedAgainOnFreshState() throws {
        let fixture = try SecurityFixture(member: false)
        try fixture.ok(["member", "add", "ap1", "--name", "申请人", "--branch", "b1", "--status", "applicant", "--since", "2026-01-05"])
        var talks: [BackgroundDangjian] = []
        try DatabaseQueue(path: fixture.store).inDatabase { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            talks = try (1...2).map { try BackgroundDangjian(["member", "talk", "ap1", "--date", "2026-03-1\($0)"], environment: fixture.environment) }
            Thread.sleep(forTimeInterval: 1.5)
            try db.execute(sql: "COMMIT")
        }
        for talk in talks {
            talk.process.waitUntilExit()
            #expect(talk.process.terminationStatus == 0)
        }
        #expect(try Self.eventCounts(fixture.store)["member.talked"] == 2)
    }

    /// Nine branches and two members in each, through two imports.
    private func setUp(_ fixture: SecurityFixture, shared: String) throws {
        let orgs = (1...Self.branches + 1).map { "b\($0),支部\($0),branch,s1,community" }
        let members = (1...Self.branches + 1).flatMap { b in (1...2).map { "b\(b)-\($0),党员\(b)-\($0),b\(b),full,2010-07-01" } }
        let orgsFile = fixture.directory.path("orgs.csv"), membersFile = fixture.directory.path("members.csv")
        try ("id,name,kind,parent,setting\n" + orgs.dropFirst().joined(separator: "\n") + "\n").write(toFile: orgsFile, atomically: true, encoding: .utf8)
        try ("id,name,branch,status,since\n" + members.joined(separator: "\n") + "\n").write(toFile: membersFile, atomically: true, encoding: .utf8)
        try fixture.ok(["import", orgsFile, "--kind", "orgs"])
        try fixture.ok(["import", membersFile, "--kind", "members"])
    }

    /// Logs a meeting, a study session and a month of dues in turn; each `dangjian` run is
    /// counted as appended (exit 0), a conflict (exit 1 with the version-conflict message) or
    /// anything else (a failure of the test).
    private static func secretary(index: Int, branch: String, payer: String, commands: Int, _ environment: [String: String]) -> Tally {
        var tally = Tally()
        // Months paid so far, from 2020-01: each payment is for the next one.
        var month = 0
        for step in 0..<commands {
            let (type, arguments): (String, [String]) = switch step % 3 {
            case 0: ("meeting.logged", ["meeting", "log", "--branch", branch, "--type", "party-lecture", "--date", "2026-03-1\(step % 10)",
                                         "--topic", "第\(index)位书记第\(step)讲", "--attendees", "\(branch)-1,\(branch)-2"])
            case 1: ("study.logged", ["study", "log", "--member", payer, "--date", "2026-03-1\(step % 10)", "--hours", "1",
                                       "--kind", "party-school", "--course", "课程\(index)-\(step)"])
            default: ("dues.paid", ["dues", "pay", "--member", payer, "--from", String(format: "%d-%02d", 2020 + month / 12, month % 12 + 1), "--amount", "10"])
            }
            guard let result = try? Dangjian.run(arguments + ["--actor", "书记\(index)"], environment: environment) else {
                tally.otherFailures.append("dangjian did not start")
                continue
            }
            if result.status == 0 {
                tally.appended[type, default: 0] += 1
                if type == "dues.paid" { month += 1 }
            } else if result.status == 1, result.stderr.contains("version conflict:"), result.stderr.split(separator: "\n").count == 1 {
                tally.conflicts += 1
            } else {
                tally.otherFailures.append("\(arguments.joined(separator: " ")) → \(result.status): \(result.stderr)")
            }
        }
        return tally
    }

    /// Every archive verifies, continues the one before it, and ends at or before the final head.
    private func expectArchivesArePrefixes(_ folder: String, _ fixture: SecurityFixture) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tar.gz") }.sorted()
        #expect(!names.isEmpty)
        let head = try DatabaseQueue(path: fixture.store).read { try Int.fetchOne($0, sql: "SELECT max(position) FROM events") ?? 0 }
        var previous: String?
        for name in names {
            let path = folder + "/" + name
            let verify = try fixture.run(["archive", "verify", path] + (previous.map { ["--previous", $0] } ?? []))
            #expect(verify.status == 0, "\(name): \(verify.stderr)")
            let last = Int(name.dropLast(".tar.gz".count).split(separator: "-").last ?? "") ?? .max
            #expect(last <= head, "\(name) ends after the final head \(head)")
            previous = path
        }
    }

    private static func eventCounts(_ store: String) throws -> [String: Int] {
        try DatabaseQueue(path: store).read { db in
            try Row.fetchAll(db, sql: "SELECT type, count(*) AS n FROM events GROUP BY type").reduce(into: [:]) { $0[$1["type"]] = $1["n"] }
        }
    }
}

/// A value shared between the threads of a test.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) {
        stored = value
    }

    var value: Value { lock.withLock { stored } }

    func update(_ change: (inout Value) -> Void) {
        lock.withLock { change(&stored) }
    }
}
