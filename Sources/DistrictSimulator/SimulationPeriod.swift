import PartyBuilding

/// A calendar month, quarter or year, numbered so consecutive periods differ by one.
struct SimulationPeriod: Hashable {
    enum Frequency { case monthly, quarterly, yearly }

    let frequency: Frequency
    let index: Int

    init(_ frequency: Frequency, containing month: YearMonth) {
        self.frequency = frequency
        switch frequency {
        case .monthly: index = month.index
        case .quarterly: index = month.year * 4 + (month.month - 1) / 3
        case .yearly: index = month.year
        }
    }

    private init(_ frequency: Frequency, index: Int) {
        self.frequency = frequency
        self.index = index
    }

    var previous: SimulationPeriod { SimulationPeriod(frequency, index: index - 1) }

    /// The first and last months, as `YearMonth.index`.
    var months: ClosedRange<Int> {
        switch frequency {
        case .monthly: return index...index
        case .quarterly: let first = (index / 4) * 12 + (index % 4) * 3; return first...(first + 2)
        case .yearly: return (index * 12)...(index * 12 + 11)
        }
    }

    var firstDay: CalendarDate { YearMonth(index: months.lowerBound).firstDay }
    var lastDay: CalendarDate { YearMonth(index: months.upperBound + 1).firstDay.adding(days: -1) }

    /// `2026-03`, `2026-Q1` or `2026`, as warnings name periods.
    var description: String {
        switch frequency {
        case .monthly: return YearMonth(index: index).description
        case .quarterly: return "\(index / 4)-Q\(index % 4 + 1)"
        case .yearly: return String(index)
        }
    }
}
