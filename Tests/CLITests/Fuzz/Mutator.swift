import DistrictSimulator
import Foundation
import Testing

/// Seeded mutations of valid inputs — bit flips, hostile bytes, deleted, repeated and spliced
/// ranges, truncation — the way coverage-free mutation fuzzers make inputs that get past the
/// first checks of a parser.
struct Mutator {
    var random: SeededRandom

    /// Bytes that matter to the formats read: CSV and JSON punctuation, line ends, NUL,
    /// bytes invalid in UTF-8, GB18030 lead bytes, digits.
    private static let hostileBytes: [UInt8] = [0x00, 0x0A, 0x0D, 0x22, 0x2C, 0x3B, 0x7B, 0x7D, 0x5B, 0x5D, 0x3A, 0x5C,
                                                0x80, 0xBF, 0xC0, 0xC3, 0xE4, 0xF5, 0xFF, 0x81, 0x30, 0x39, 0x2D, 0x2E, 0x65]

    mutating func mutate(_ input: [UInt8], splicingWith other: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0 where !bytes.isEmpty: bytes[at] ^= 1 << UInt8.random(in: 0..<8, using: &random)
            case 1 where !bytes.isEmpty: bytes[at] = Self.hostileBytes.randomElement(using: &random)!
            case 2: bytes.insert(contentsOf: (0..<Int.random(in: 1...8, using: &random)).map { _ in Self.hostileBytes.randomElement(using: &random)! }, at: at)
            case 3 where !bytes.isEmpty: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...64, using: &random)))
            case 4 where !bytes.isEmpty:
                let piece = bytes[at..<min(bytes.count, at + Int.random(in: 1...256, using: &random))]
                bytes.insert(contentsOf: piece, at: Int.random(in: 0...bytes.count, using: &random))
            case 5 where !other.isEmpty:
                let from = Int.random(in: 0..<other.count, using: &random)
                bytes.insert(contentsOf: other[from..<min(other.count, from + Int.random(in: 1...512, using: &random))], at: at)
            default: bytes = Array(bytes.prefix(at))
            }
        }
        return bytes
    }
}

/// Runs a check on mutated inputs for a bounded time (`LongChecks` sets how long) and says
/// how many ran; every input is checked for taking too long, since a hang is a failure too.
enum Fuzzing {
    /// No single input may take longer than this to be accepted or refused. Generous, since
    /// the long checks run side by side on a busy machine (a `dangjian import` of a mutated
    /// file once took 9.7 s there, and 0.05 s alone); a hang still fails.
    static let slowestAllowed: TimeInterval = 30

    static let duration: TimeInterval = LongChecks.choose(short: 2, long: 30)

    @discardableResult
    static func run(_ name: String, seeds: [[UInt8]], for seconds: TimeInterval = duration, salt: UInt64 = 0,
                    _ check: ([UInt8]) throws -> Void) rethrows -> Int {
        var mutator = Mutator(random: SeededRandom(seed: LongChecks.seed ^ salt))
        let start = Date()
        var executions = 0
        while Date().timeIntervalSince(start) < seconds {
            let seed = seeds[executions % seeds.count]
            let input = mutator.mutate(seed, splicingWith: seeds[(executions + 1) % seeds.count])
            let began = Date()
            try check(input)
            let took = Date().timeIntervalSince(began)
            if took >= slowestAllowed {
                Issue.record("\(name), seed \(LongChecks.seed), execution \(executions): \(took) s on \(keep(input, name))")
            }
            executions += 1
        }
        print("fuzz \(name) (seed \(LongChecks.seed)): \(executions) executions in \(Int(seconds)) s")
        return executions
    }

    /// Writes an input that made a check fail, so it can be replayed by hand.
    static func keep(_ input: [UInt8], _ name: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-fuzz-\(name.replacingOccurrences(of: " ", with: "-"))-\(UUID().uuidString)").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(input))
        return path
    }
}
