@testable import PartyBuilding

/// A small district built through `decide` and `evolve` only: no database.
struct World {
    var state = DomainState()
    /// Every event decided so far, in order.
    var history: [DomainEvent] = []
    var today = CalendarDate(parsing: "2026-03-20")!

    static func date(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

    static func fields(_ values: [String: String]) -> Fields { Fields(values, listSeparator: ",") }

    /// Decides `command` and folds its events into the state; the events are returned.
    @discardableResult
    mutating func run(_ command: DomainCommand) throws -> [DomainEvent] {
        let events = try decide(command, state, today: today)
        for event in events { state = DomainState.evolve(state, event) }
        history += events
        return events
    }

    /// The error `command` is refused with, or nil when it is accepted; the state never changes.
    func refusal(_ command: DomainCommand) -> DomainError? {
        do {
            _ = try decide(command, state, today: today)
            return nil
        } catch {
            return error as? DomainError
        }
    }

    mutating func org(_ id: String, _ kind: String, parent: String? = nil, setting: String? = nil, since: String = "2020-01-01") throws {
        var values = ["id": id, "name": "组织\(id)", "kind": kind, "since": since]
        values["parent"] = parent
        values["setting"] = setting
        try run(CommandParsing.addOrganisation(Self.fields(values), today: today))
    }

    mutating func member(_ id: String, branch: String = "b1", status: String = "full", since: String = "2020-01-01",
                         group: String? = nil, role: String? = nil) throws {
        var values = ["id": id, "name": "党员\(id)", "branch": branch, "status": status, "since": since]
        values["group"] = group
        values["role"] = role
        try run(CommandParsing.addMember(Self.fields(values)))
    }

    /// District d → street s → community c → branch b1 (groups g1, g2) and branch b2 (setting other).
    static func district() throws -> World {
        var world = World()
        try world.org("d", "district")
        try world.org("s", "street", parent: "d")
        try world.org("c", "community", parent: "s")
        try world.org("b1", "branch", parent: "c")
        try world.org("g1", "group", parent: "b1")
        try world.org("g2", "group", parent: "b1")
        try world.org("b2", "branch", parent: "s")
        return world
    }
}
