import GRDB
import PartyBuilding

/// `study_hours` for a rebuild, worked out from the study sessions (``ReplayTotals``): each
/// member's hours and sessions per year, as appends keep them.
final class StudyTotals: ReplayTotals, @unchecked Sendable {
    private struct Key: Hashable {
        var member: BytewiseText
        var year: Int
    }

    /// One member's study in one year.
    private struct Total {
        var hoursTenths = 0
        var sessions = 0

        mutating func add(_ tenths: Int) {
            hoursTenths += tenths
            sessions += 1
        }
    }

    /// The sessions as logged: the writer only keeps them, the sums are made in `compute`.
    private var sessions: [(members: [String], year: Int, hoursTenths: Int)] = []
    private var rows: [(key: Key, total: Total)] = []

    func observe(_ event: DomainEvent) {
        guard case .studyLogged(let study) = event else { return }
        sessions.append((study.members, study.date.year, study.hoursTenths))
    }

    func compute() {
        var totals: [Key: Total] = [:]
        for session in sessions {
            for member in session.members {
                // One lookup per credit: the entry is changed in place.
                totals[Key(member: BytewiseText(member), year: session.year), default: Total()].add(session.hoursTenths)
            }
        }
        sessions = []
        // In key order, so that each insert lands at the end of the table.
        rows = totals.sorted { ($0.key.member, $0.key.year) < ($1.key.member, $1.key.year) }.map { ($0.key, $0.value) }
    }

    func insert(in db: Database) throws {
        let hours = try RowInserter("INSERT INTO study_hours (member, year, hours_tenths, sessions) VALUES (?, ?, ?, ?)", in: db)
        for (key, total) in rows {
            try hours.insert(.text(key.member.text), .integer(key.year), .integer(total.hoursTenths), .integer(total.sessions))
        }
    }
}
