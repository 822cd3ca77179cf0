import EventStore
import Foundation
import Testing

/// Several processes on one store file, as several secretaries' terminals would be.
@Suite(.serialized) struct ConcurrencyTests {
    @Test func twoProcessesRacingForTheSameVersionGiveOneWinnerAndOneConflict() throws {
        for _ in 0..<3 {
            let fixture = try TemporaryStore()
            try fixture.open().append([event()], to: "branch-7", expecting: .noStream)
            let racers = try (0..<2).map { _ in
                try StoreLoad.start(store: fixture.path, stream: "branch-7", count: 1, batch: 1, expect: "1")
            }
            racers.forEach { $0.waitUntilExit() }
            #expect(racers.map(\.terminationStatus).sorted() == [0, 4])
            #expect(try fixture.open().readStream("branch-7").count == 2)
        }
    }

    @Test func eightProcessesAppendingAtOnceLoseNothing() throws {
        let fixture = try TemporaryStore()
        _ = try fixture.open()
        let writers = try (0..<8).map { index in
            try StoreLoad.start(store: fixture.path, stream: "writer-\(index)", count: 1_000, batch: 5, expect: "none")
        }
        writers.forEach { $0.waitUntilExit() }
        #expect(writers.map(\.terminationStatus) == Array(repeating: 0, count: 8))
        let store = try fixture.open()
        let report = try store.verifyChain()
        #expect(report.failure == nil)
        #expect(report.eventsChecked == 8_000)
        #expect(report.head?.position == 8_000)
        for index in 0..<8 {
            let stream = try store.readStream("writer-\(index)", limit: 2_000)
            #expect(stream.map(\.streamVersion) == Array(1...1_000))
        }
    }

    @Test func aProcessKilledMidAppendLeavesAllOrNoneOfItsBatch() throws {
        let fixture = try TemporaryStore()
        _ = try fixture.open()
        let batch = 20_000
        var expectedTotal = 0
        var killedWhileRunning = 0
        // One batch takes about two seconds in a debug build: these moments fall before,
        // during and (on a fast machine) after its transaction.
        for delay in [0.3, 0.8, 1.3, 1.8] {
            let writer = try StoreLoad.start(store: fixture.path, stream: "bulk", count: batch, batch: batch, expect: "any")
            usleep(useconds_t(delay * 1_000_000))
            kill(writer.processIdentifier, SIGKILL)
            writer.waitUntilExit()
            if writer.terminationReason == .uncaughtSignal { killedWhileRunning += 1 }
            let report = try fixture.open().verifyChain()
            #expect(report.failure == nil)
            let total = Int(report.eventsChecked)
            #expect(total == expectedTotal || total == expectedTotal + batch, "a batch was split: \(total) events")
            expectedTotal = total
        }
        #expect(killedWhileRunning > 0)
    }
}
