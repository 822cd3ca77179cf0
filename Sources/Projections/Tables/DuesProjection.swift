import GRDB
import PartyBuilding

/// Dues payments, and the month each member has paid up to (the latest month any
/// payment covers: kept current inside an append, computed once after a rebuild).
struct DuesProjection: Projection {
    let name = "dues"
    let version = 2
    let tables = ["dues_payments", "dues_paid_through"]
    let indexes = [
        "CREATE INDEX dues_payments_member ON dues_payments (member, to_month)",
        "CREATE INDEX dues_payments_paid_on ON dues_payments (paid_on)",
    ]

    func createTables(in db: Database) throws {
        try db.execute(sql: """
            -- No key on the payment id (the domain keeps ids unique and nothing looks one
            -- up): rows are appended, which keeps a rebuild of 700,000 payments cheap.
            CREATE TABLE dues_payments (
                payment TEXT NOT NULL,
                member TEXT NOT NULL,
                from_month TEXT NOT NULL,
                to_month TEXT NOT NULL,
                months INTEGER NOT NULL,
                amount_fen INTEGER,
                paid_on TEXT NOT NULL
            );
            CREATE TABLE dues_paid_through (
                member TEXT PRIMARY KEY,
                month TEXT NOT NULL
            ) WITHOUT ROWID;
            """)
    }

    func apply(_ event: DomainEvent, mode: ApplyMode, in db: Database) throws {
        guard case .duesPaid(let payment) = event else { return }
        try db.executeCached(
            sql: "INSERT INTO dues_payments (payment, member, from_month, to_month, months, amount_fen, paid_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [payment.payment, payment.member, payment.from.description, payment.to.description, payment.months,
                        payment.amountFen, payment.date.description])
        guard mode == .live else { return }
        try db.executeCached(
            sql: """
                INSERT INTO dues_paid_through (member, month) VALUES (?, ?)
                ON CONFLICT (member) DO UPDATE SET month = max(month, excluded.month)
                """,
            arguments: [payment.member, payment.to.description])
    }

    /// A rebuild works the totals out from the events: see ``DuesTotals``.
    func makeReplayTotals() -> (any ReplayTotals)? {
        DuesTotals()
    }
}
