import ArgumentParser
import EventStore
import Foundation
import PartyBuilding

/// `--actor`, taken by every command that writes.
struct WriteOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Who records this (default: the OS user). 操作人", valueName: "name"))
    var actor: String?

    /// The named actor, else `USER`, else `LOGNAME`.
    var resolvedActor: String {
        let environment = ProcessInfo.processInfo.environment
        return [actor, environment["USER"], environment["LOGNAME"]].compactMap { $0 }.first { !$0.isEmpty } ?? "unknown"
    }

    func metadata(correlationID: String? = nil) -> EventMetadata {
        EventMetadata(actor: resolvedActor, correlationID: correlationID)
    }
}

/// One secretary's command, start to finish: read the state, apply the rules, append.
enum DomainWrite {
    /// Decides `command` against the store's current state and appends the events.
    /// A refusal throws before anything is written.
    @discardableResult
    static func perform(
        _ global: GlobalOptions, _ write: WriteOptions, _ command: (CalendarDate) throws -> DomainCommand
    ) throws -> [RecordedEvent] {
        let store = try global.openStore()
        let today = try Today.fromEnvironment()
        let state = try DomainLog.load(from: store).state
        let events = try decide(command(today), state, today: today)
        let identified = events.map { IdentifiedEvent(id: UUID().uuidString.lowercased(), event: $0) }
        return try DomainLog.append(identified, basedOn: state, to: store, metadata: write.metadata())
    }

    /// A fresh id for a meeting, study session or payment.
    static func newRecordID() -> String { UUID().uuidString.lowercased() }
}
