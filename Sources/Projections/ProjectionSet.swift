import EventStore
import GRDB
import PartyBuilding

/// The projections a store keeps, applied inside every append.
public struct ProjectionSet: InlineProjector {
    let projections: [any Projection]
    var mode: ApplyMode = .live
    /// In a replay, the totals the projections gather from the events as they are applied.
    var totals: [any ReplayTotals] = []

    /// Every projection dangjian has.
    public static let all = ProjectionSet(projections: [
        OrganisationProjection(),
        RosterProjection(),
        MeetingProjection(),
        StudyProjection(),
        DuesProjection(),
    ])

    /// The names `dangjian rebuild --projection` accepts.
    public static var names: [String] { all.projections.map(\.name) }

    /// Only the projections named.
    public func only(_ names: Set<String>) -> ProjectionSet {
        ProjectionSet(projections: projections.filter { names.contains($0.name) }, mode: mode)
    }

    /// The same projections, taking a whole-log replay, with fresh totals to gather.
    var replaying: ProjectionSet {
        ProjectionSet(projections: projections, mode: .replay, totals: projections.compactMap { $0.makeReplayTotals() })
    }

    public func apply(_ events: [RecordedEvent], in db: Database) throws {
        try apply(prepared: prepare(events), in: db)
    }
}

extension ProjectionSet: ReplayProjector {
    /// The domain events among the records (others, such as acknowledgements, feed no table).
    public func prepare(_ events: [RecordedEvent]) throws -> [DomainEvent] {
        try events.compactMap(EventCoding.domainEvent(from:))
    }

    public func apply(prepared events: [DomainEvent], in db: Database) throws {
        for event in events {
            for projection in projections {
                try projection.apply(event, mode: mode, in: db)
            }
            for totals in totals {
                totals.observe(event)
            }
        }
    }
}
