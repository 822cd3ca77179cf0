import PartyBuilding

/// Which of a list of organisations held a meeting type in which periods of a window: one
/// flag per organisation and period (see ``AsOfQueries/periodsWithMeeting(_:_:from:through:asOf:among:in:)``).
public struct HeldPeriods: Sendable {
    let frequency: Frequency
    /// The ``YearMonth/index`` of the first period's first month.
    let firstPeriod: Int
    let periodCount: Int
    var flags: [Bool]

    init(_ frequency: Frequency, from first: YearMonth, through last: YearMonth, organisations: Int) {
        self.frequency = frequency
        firstPeriod = Period(frequency, containing: first).start.index
        periodCount = (Period(frequency, containing: last).start.index - firstPeriod) / frequency.months + 1
        flags = Array(repeating: false, count: organisations * periodCount)
    }

    /// Whether the organisation at `position` in the list held one in the period holding `month`
    /// (false outside the window).
    public func held(byOrganisationAt position: Int, in month: YearMonth) -> Bool {
        slot(position, month).map { flags[$0] } ?? false
    }

    mutating func markHeld(byOrganisationAt position: Int, in month: YearMonth) {
        if let slot = slot(position, month) { flags[slot] = true }
    }

    private func slot(_ position: Int, _ month: YearMonth) -> Int? {
        let period = (Period(frequency, containing: month).start.index - firstPeriod) / frequency.months
        return (0..<periodCount).contains(period) ? position * periodCount + period : nil
    }
}
