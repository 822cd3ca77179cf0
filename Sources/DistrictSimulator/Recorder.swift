import Bilingual
import EventStore
import PartyBuilding

/// Does what a secretary's command does, in memory and in bulk: `decide` on the state the
/// simulator keeps, fold the events in, and append many commands atomically (each command's
/// events together), each stream expected at the version its command was decided on.
struct Recorder {
    private(set) var state = DomainState()
    private(set) var eventsAppended = 0
    private var pending: [StreamWrite] = []
    private var ids: SeededRandom
    private let store: EventStore
    private let clock: SimulatedClock

    init(store: EventStore, clock: SimulatedClock, seed: UInt64) {
        self.store = store
        self.clock = clock
        ids = SeededRandom(seed: seed)
    }

    /// A fresh id for a meeting, study session or dues payment.
    mutating func newID() -> String { ids.uuid() }

    /// Decides `command` as of `today` and queues its events for the day's append.
    @discardableResult
    mutating func record(_ command: DomainCommand, today: CalendarDate, actor: String) throws -> [DomainEvent] {
        let events: [DomainEvent]
        do {
            events = try decide(command, state, today: today)
        } catch {
            throw SimulatorError.refused(command: "\(command)", day: today, reason: (error as? any UserFacingError)?.message.en ?? "\(error)")
        }
        let metadata = EventMetadata(actor: actor)
        for event in events {
            let stream = event.streamID
            let newEvent = try EventCoding.newEvent(event, id: ids.uuid(), metadata: metadata)
            if pending.last?.streamID == stream {
                pending[pending.count - 1].events.append(newEvent)
            } else {
                let version = state.version(of: stream)
                pending.append(StreamWrite(
                    streamID: stream, expectedVersion: version == 0 ? .noStream : .exactly(version), events: [newEvent]))
            }
            state.apply(event)
        }
        return events
    }

    /// Builds a command from named fields, exactly as the command line and CSV import do.
    static func fields(_ values: [String: String?]) -> Fields {
        Fields(values, listSeparator: ",")
    }

    /// Appends the queued events in one transaction, stamped with `day`'s evening.
    mutating func flush(day: CalendarDate) throws {
        guard !pending.isEmpty else { return }
        clock.set(day)
        eventsAppended += try store.append(pending).count
        pending.removeAll(keepingCapacity: true)
    }

    /// Forgets meetings, study sessions and payments nothing will refer to again, so a
    /// five-year district does not keep every record in memory. `keeping` names meetings
    /// still to be corrected or retracted.
    mutating func forgetSettledRecords(keeping: Set<String>) {
        state.meetings = state.meetings.filter { keeping.contains($0.key) }
        state.studySessions.removeAll()
        state.duesPayments.removeAll()
        state.streamVersions = state.streamVersions.filter { key, _ in
            !(key.hasPrefix("study-") || key.hasPrefix("meeting-")) || keeping.contains(String(key.dropFirst("meeting-".count)))
        }
    }
}

/// A command the domain refused: a bug in the simulator, reported with the command.
enum SimulatorError: UserFacingError {
    case refused(command: String, day: CalendarDate, reason: String)

    var message: BilingualText {
        switch self {
        case .refused(let command, let day, let reason):
            return BilingualText(
                zh: "模拟器在 \(day) 发出的命令被拒绝（模拟器缺陷，请报告）：\(reason)；命令：\(command)",
                en: "the simulator's command on \(day) was refused (a simulator bug, please report it): \(reason); command: \(command)")
        }
    }
}
