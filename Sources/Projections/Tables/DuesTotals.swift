import GRDB
import PartyBuilding

/// `dues_paid_through` for a rebuild, worked out from the payments (``ReplayTotals``): the
/// latest month any payment of each member covers, as appends keep it.
final class DuesTotals: ReplayTotals, @unchecked Sendable {
    /// The payments as logged: the writer only keeps them, the latest months are found in `compute`.
    private var payments: [(member: String, to: YearMonth)] = []
    private var rows: [(member: BytewiseText, month: YearMonth)] = []

    func observe(_ event: DomainEvent) {
        guard case .duesPaid(let payment) = event else { return }
        payments.append((payment.member, payment.to))
    }

    func compute() {
        var latest: [BytewiseText: YearMonth] = [:]
        for payment in payments {
            let member = BytewiseText(payment.member)
            latest[member] = max(latest[member] ?? payment.to, payment.to)
        }
        payments = []
        // In key order, so that each insert lands at the end of the table.
        rows = latest.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    func insert(in db: Database) throws {
        let paidThrough = try RowInserter("INSERT INTO dues_paid_through (member, month) VALUES (?, ?)", in: db)
        for (member, month) in rows {
            try paidThrough.insert(.text(member.text), .text(month.description))
        }
    }
}
