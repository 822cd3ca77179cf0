import Foundation
import GRDB

/// The rules of one evaluation, handed out one at a time to the workers that ask.
///
/// The first rule taken is the one that loads the roll of members (the largest fact), so
/// that the other worker meanwhile takes the meeting rules, which need only organisations,
/// instead of waiting for the roll.
final class SharedWork: @unchecked Sendable {
    let facts: SharedFacts
    private let rules: [(index: Int, rule: Rule)]
    private let lock = NSLock()
    private var next = 0

    init(rules: [Rule], facts: SharedFacts) {
        self.facts = facts
        self.rules = rules.enumerated()
            .map { (index: $0.offset, rule: $0.element) }
            .sorted { ($0.rule.takesRollFirst ? 0 : 1, $0.index) < ($1.rule.takesRollFirst ? 0 : 1, $1.index) }
    }

    /// Evaluates rules until none is left; the findings of each rule taken, by its place in
    /// the rules given (nil for the rules the other worker took).
    func run(in db: Database, evaluate: (Rule, EvaluationContext) throws -> [Finding]) throws -> [[Finding]?] {
        let context = EvaluationContext(facts: facts, db: db)
        var found = [[Finding]?](repeating: nil, count: rules.count)
        while let (index, rule) = take() {
            found[index] = try evaluate(rule, context)
        }
        return found
    }

    private func take() -> (index: Int, rule: Rule)? {
        lock.lock()
        defer { lock.unlock() }
        guard next < rules.count else { return nil }
        next += 1
        return rules[next - 1]
    }
}

extension Rule {
    /// Participation gaps: the first rule to need the roll of members, then its own query.
    var takesRollFirst: Bool {
        if case .participationGap = check { return true }
        return false
    }
}

