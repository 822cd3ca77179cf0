import PartyBuilding

/// How big a district to simulate.
public enum SimulationScale: String, CaseIterable, Sendable {
    /// One street: about 25 branches and 500 party members. Seconds.
    case street
    /// Ten streets, about 150 communities, 3,000 branches and 60,000 party members. Minutes.
    case district

    var streets: Int { self == .street ? 1 : 10 }
    var communitiesPerStreet: Int { self == .street ? 6 : 15 }
    var branchesPerCommunity: Int { self == .street ? 4 : 20 }
}

/// What to simulate: the size, how many years of history, the seed and the last day.
public struct SimulationOptions: Hashable, Sendable {
    public var scale: SimulationScale
    public var years: Int
    public var seed: UInt64
    /// The simulation's "today": the last day anything is recorded, and the day the planted
    /// warnings are judged on.
    public var endDate: CalendarDate

    /// The fixed default end, so the same seed always yields the same log.
    public static let defaultEndDate = CalendarDate(year: 2026, month: 6, day: 30)!

    public init(scale: SimulationScale = .street, years: Int = 1, seed: UInt64 = 1, endDate: CalendarDate = defaultEndDate) {
        self.scale = scale
        self.years = years
        self.seed = seed
        self.endDate = endDate
    }

    /// 1 January of the year `years` before the end date's year: every rule's look-back
    /// window (a year, and the last whole calendar year for study hours) lies inside the
    /// simulated history, so nothing is judged on days before the records begin.
    public var startDate: CalendarDate {
        CalendarDate(year: endDate.year - years, month: 1, day: 1)!
    }
}
