import EventStore
@testable import PartyBuilding

/// Submits commands the way the command line does: `decide` on the current state, then an
/// append based on that state.
struct Secretary {
    let store: EventStore
    let today: CalendarDate
    var state = DomainState()
    private var nextID = 0

    init(store: EventStore, today: CalendarDate) {
        self.store = store
        self.today = today
    }

    /// The events the command produced; throws what `decide` refuses.
    @discardableResult
    mutating func submit(_ command: DomainCommand) throws -> [DomainEvent] {
        let events = try decide(command, state, today: today)
        let identified = events.map { event -> IdentifiedEvent in
            nextID += 1
            return IdentifiedEvent(id: String(format: "00000000-0000-4000-8000-%012x", nextID), event: event)
        }
        try DomainLog.append(identified, basedOn: state, to: store, metadata: EventMetadata(actor: "secretary"))
        events.forEach { state.apply($0) }
        return events
    }
}
