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

/// What a command may consult while it is being built: the day, and the store (to resolve
/// a shortened meeting id).
struct WriteContext {
    let today: CalendarDate
    let store: EventStore
}

/// One secretary's command, start to finish: read the streams it needs, apply the rules, append.
enum DomainWrite {
    /// How many times a command is decided and appended again after a version conflict.
    /// Retrying is safe here because nothing is carried over from the failed attempt: the
    /// streams are read again, the rules decide again on that fresh state (and may now refuse),
    /// and the events get new ids (a meeting, session or payment id the command chose is kept:
    /// nothing was written under it); it is what the secretary would do by running the command
    /// again. The bound keeps a stream that others write without pause from spinning forever:
    /// after it, the conflict is reported.
    static let conflictRetries = 3

    /// Decides the command against the current state of the streams it needs (not the whole
    /// log: the cost follows the command, not the store's age) and appends the events, expecting
    /// every stream read at the version read; on a version conflict, decides again up to
    /// `conflictRetries` times. A refusal throws before anything is written. Personal data is
    /// sealed, and its key stored in the same transaction.
    @discardableResult
    static func perform(
        _ global: GlobalOptions, _ write: WriteOptions, _ command: (WriteContext) throws -> DomainCommand
    ) throws -> [RecordedEvent] {
        let store = try global.openStore()
        let today = try Today.fromEnvironment()
        var retriesLeft = conflictRetries
        while true {
            do {
                return try decideAndAppend(store, today: today, write, command)
            } catch EventStoreError.versionConflict where retriesLeft > 0 {
                retriesLeft -= 1
            }
        }
    }

    private static func decideAndAppend(
        _ store: EventStore, today: CalendarDate, _ write: WriteOptions, _ command: (WriteContext) throws -> DomainCommand
    ) throws -> [RecordedEvent] {
        let command = try command(WriteContext(today: today, store: store))
        let basis = try DomainLog.load(neededBy: [command], from: store)
        let decision = try decideSealingPersonalData(command, basis.state, today: today)
        let identified = decision.events.map { IdentifiedEvent(id: newRecordID(), event: $0) }
        return try DomainLog.append(identified, basedOn: basis, to: store, metadata: write.metadata(), keys: decision.keys)
    }

    /// A fresh id for a meeting, study session, payment or event.
    static func newRecordID() -> String { UUID().uuidString.lowercased() }
}
