import EventStore
import PartyBuilding

/// A synthetic district recorded through the secretaries' own commands: deterministic for a
/// seed (the same options give a byte-identical log), imperfect on purpose, and aware of the
/// warnings its imperfections should raise.
///
/// Open the store with `clock` as its clock, so recorded times come from the simulation:
///
///     let simulation = DistrictSimulation(options: options)
///     let store = try ProjectionMaintenance.open(path: path, create: true, clock: simulation.clock.now)
///     let outcome = try simulation.run(into: store)
public struct DistrictSimulation: Sendable {
    public let options: SimulationOptions
    public let clock = SimulatedClock()

    public init(options: SimulationOptions) {
        self.options = options
    }

    /// Records the whole history into `store` (which should be empty).
    ///
    /// - Parameter progress: told (days simulated, total days) after each day.
    public func run(into store: EventStore, progress: (Int, Int) -> Void = { _, _ in }) throws -> SimulationOutcome {
        let engine = Engine(options: options, store: store, clock: clock)
        try engine.run(progress: progress)
        let state = engine.recorder.state
        let expected = ExpectedWarnings(
            day: options.endDate, state: state, ledger: engine.ledger, branches: engine.branches.map(\.id),
            groups: engine.groups, organisationsSince: options.startDate)
        let sampleBranch = engine.branches.first { !$0.forcedMisses.isEmpty } ?? engine.branches[0]
        return SimulationOutcome(
            startDate: options.startDate, endDate: options.endDate, events: engine.recorder.eventsAppended,
            streets: engine.streets.map { SimulationOutcome.Area(id: $0.id, name: $0.name) },
            communities: engine.communities.count, branches: engine.branches.count,
            partyMembers: state.members.values.filter { $0.status.isPartyMember }.count,
            sampleBranch: SimulationOutcome.Area(id: sampleBranch.id, name: sampleBranch.name),
            planted: expected.all())
    }
}

/// What a simulation produced.
public struct SimulationOutcome: Sendable {
    public struct Area: Hashable, Sendable {
        public var id: String
        public var name: String
    }

    public var startDate: CalendarDate
    public var endDate: CalendarDate
    public var events: Int
    public var streets: [Area]
    public var communities: Int
    public var branches: Int
    /// Probationary and full members on the last day.
    public var partyMembers: Int
    /// The branch that misses each kind of meeting once: a good place to look first.
    public var sampleBranch: Area
    /// The warnings the simulation's deliberate imperfections should raise as of `endDate`,
    /// sorted (docs/simulator.md, "Planted warnings").
    public var planted: [PlantedWarning]
}
