import DistrictSimulator
import Foundation
import GRDB
import Testing

/// Single secretary commands, one after another on one store, each killed at a seeded random
/// moment — while it starts, reads, seals personal data, appends, or shreds keys.
extension CrashKillTests {
    /// One command of the loop, and what it appends when it runs to the end.
    private struct SecretaryCommand {
        var arguments: [String]
        var events: Int
    }

    /// The loop's command number `step`: a meeting, a study session, a month's dues, a member
    /// with an ID-card number and phone, and the erasure of the member added before.
    private static func secretaryCommand(_ step: Int) -> SecretaryCommand {
        switch step % 5 {
        case 0: SecretaryCommand(arguments: ["meeting", "log", "--branch", "b1", "--type", "party-lecture", "--date", "2026-03-0\(step % 9 + 1)",
                                             "--topic", "第\(step)讲", "--attendees", "a1,a2"], events: 1)
        case 1: SecretaryCommand(arguments: ["study", "log", "--member", "a1", "--date", "2026-03-0\(step % 9 + 1)", "--hours", "1",
                                             "--kind", "party-school", "--course", "课程\(step)"], events: 1)
        // Each payment is for the next month from 2011-01 (a2 joined in 2010), so none is paid twice.
        case 2: SecretaryCommand(arguments: ["dues", "pay", "--member", "a2", "--from", String(format: "%d-%02d", 2011 + step / 60, step / 5 % 12 + 1),
                                             "--amount", "10"], events: 1)
        case 3: SecretaryCommand(arguments: ["member", "add", "p\(step)", "--name", "新党员\(step)", "--branch", "b1", "--status", "full",
                                             "--since", "2010-07-01", "--id-card", SecurityFixture.idCard, "--phone", SecurityFixture.phone], events: 2)
        default: SecretaryCommand(arguments: ["member", "erase-personal", "p\(step - 1)", "--reason", "本人申请删除"], events: 1)
        }
    }

    @Test func secretaryCommandsKilledAtRandomMomentsAreWholeOrAbsent() throws {
        let kills = LongChecks.choose(short: 10, long: 100)
        var random = SeededRandom(seed: LongChecks.seed ^ 3)
        let fixture = try SecurityFixture(member: false)
        var started = Date()
        try fixture.ok(["member", "add", "a1", "--name", "甲", "--branch", "b1", "--status", "full", "--since", "2010-07-01"])
        // How long one command takes, so the kills spread over all of it; updated from each rerun.
        var duration = Date().timeIntervalSince(started)
        try fixture.ok(["member", "add", "a2", "--name", "乙", "--branch", "b1", "--status", "full", "--since", "2010-07-01"])
        var landed = (nothingWritten: 0, allWritten: 0), finishedFirst = 0
        for step in 0..<kills {
            let command = Self.secretaryCommand(step)
            let before = try Self.head(fixture.store)
            let (killed, delay) = try Self.runKilled(command.arguments, environment: fixture.environment, within: duration, random: &random)
            let context = "seed \(LongChecks.seed), step \(step), \(command.arguments.prefix(2).joined(separator: " ")), killed after \(Int(delay * 1000)) ms"

            let verify = try fixture.run(["verify"])
            #expect(verify.status == 0, "\(context): \(verify.stderr)")
            let written = try Self.head(fixture.store) - before
            #expect(written == 0 || written == command.events, "\(context): \(written) of its \(command.events) events are in")
            if !killed { finishedFirst += 1 } else if written == 0 { landed.nothingWritten += 1 } else { landed.allWritten += 1 }
            try Self.expectKeysMatchTheLog(fixture.store, context)
            try Self.expectQueryTablesEqualARebuild(fixture.store, context)

            // The secretary sees whether it was recorded (`meeting list`, `member show`) and, if not, runs it again.
            if written == 0 {
                started = Date()
                let again = try fixture.run(command.arguments)
                duration = Date().timeIntervalSince(started)
                #expect(again.status == 0, "\(context): running it again: \(again.stderr)")
                #expect(try Self.head(fixture.store) - before == command.events, "\(context): after running it again")
                try Self.expectKeysMatchTheLog(fixture.store, context + ", run again")
            }
        }
        // Nothing twice: each command's events are in exactly once.
        let counts = try DatabaseQueue(path: fixture.store).read { db in
            try Row.fetchAll(db, sql: "SELECT type, count(*) AS n FROM events GROUP BY type").reduce(into: [String: Int]()) { $0[$1["type"]] = $1["n"] }
        }
        let issued = (0..<kills).map { Self.secretaryCommand($0).arguments.prefix(2).joined(separator: " ") }
        #expect(counts["meeting.logged"] == issued.count(where: { $0 == "meeting log" }))
        #expect(counts["study.logged"] == issued.count(where: { $0 == "study log" }))
        #expect(counts["dues.paid"] == issued.count(where: { $0 == "dues pay" }))
        #expect(counts["member.personal-data-recorded"] == issued.count(where: { $0 == "member add" }))
        #expect(counts["member.personal-data-erased"] == issued.count(where: { $0 == "member erase-personal" }))
        print("crash safety, secretary commands (seed \(LongChecks.seed)): \(kills) kills, \(landed.nothingWritten) before the commit "
              + "(nothing in), \(landed.allWritten) after it (all in), \(finishedFirst) commands finished before their kill")
    }

    static func head(_ store: String) throws -> Int {
        try DatabaseQueue(path: store).read { try Int.fetchOne($0, sql: "SELECT coalesce(max(position), 0) FROM events") ?? 0 }
    }

    /// A personal-data key is stored exactly when the log records data sealed with it and no
    /// erasure of it: keys live outside the chain, but in the same transaction as the event.
    static func expectKeysMatchTheLog(_ store: String, _ context: String) throws {
        let (keys, expected) = try DatabaseQueue(path: store).read { db in
            (try String.fetchAll(db, sql: "SELECT id FROM personal_keys ORDER BY id"),
             try String.fetchAll(db, sql: """
                SELECT json_extract(payload, '$.key_id') AS id FROM events WHERE type = 'member.personal-data-recorded'
                EXCEPT
                SELECT erased.value FROM events, json_each(json_extract(events.payload, '$.key_ids')) AS erased
                WHERE events.type = 'member.personal-data-erased'
                ORDER BY id
                """))
        }
        #expect(keys == expected, "\(context): keys stored \(keys), the log says \(expected)")
    }
}
