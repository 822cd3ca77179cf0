import PartyBuilding

/// How often a meeting is required: the length of the periods it is judged in.
public enum Frequency: String, Codable, Hashable, Sendable, CaseIterable {
    case monthly, quarterly, yearly

    public var months: Int {
        switch self {
        case .monthly: 1
        case .quarterly: 3
        case .yearly: 12
        }
    }
}

/// A calendar month (`2026-03`), quarter (`2026-Q1`) or year (`2026`).
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let frequency: Frequency
    /// The first month of the period.
    public let start: YearMonth

    /// The period of `frequency` that contains `month`.
    public init(_ frequency: Frequency, containing month: YearMonth) {
        self.frequency = frequency
        let offset = (month.month - 1) % frequency.months
        start = YearMonth(index: month.index - offset)
    }

    /// Parses `YYYY-MM`, `YYYY-Qn` or `YYYY`.
    public init?(parsing text: String) {
        if let month = YearMonth(parsing: text) {
            self.init(.monthly, containing: month)
        } else if text.count == 7, text.dropFirst(4).prefix(2) == "-Q", let quarter = Int(text.suffix(1)), (1...4).contains(quarter),
                  let year = Int(text.prefix(4)), let first = YearMonth(year: year, month: quarter * 3 - 2) {
            self.init(.quarterly, containing: first)
        } else if text.count == 4, let year = Int(text), let first = YearMonth(year: year, month: 1) {
            self.init(.yearly, containing: first)
        } else {
            return nil
        }
    }

    public var description: String {
        switch frequency {
        case .monthly: start.description
        case .quarterly: "\(start.year)-Q\((start.month - 1) / 3 + 1)"
        case .yearly: String(start.year)
        }
    }

    public var months: [YearMonth] {
        (0..<frequency.months).map { YearMonth(index: start.index + $0) }
    }

    /// The period of the same length just before this one.
    public var previous: Period {
        Period(frequency, containing: YearMonth(index: start.index - 1))
    }

    public var end: YearMonth { YearMonth(index: start.index + frequency.months - 1) }
    public var firstDay: CalendarDate { start.firstDay }
    public var lastDay: CalendarDate { YearMonth(index: end.index + 1).firstDay.adding(days: -1) }

    /// The periods of `frequency` that make up this one; empty when `frequency` is longer.
    public func divided(into frequency: Frequency) -> [Period] {
        guard frequency.months <= self.frequency.months else { return [] }
        return stride(from: 0, to: self.frequency.months, by: frequency.months).map {
            Period(frequency, containing: YearMonth(index: start.index + $0))
        }
    }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.start, lhs.frequency.months) < (rhs.start, rhs.frequency.months)
    }
}
