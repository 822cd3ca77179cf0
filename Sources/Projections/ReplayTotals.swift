import GRDB
import PartyBuilding

/// Totals a rebuild works out from the events it applies, instead of querying the finished
/// tables afterwards.
///
/// After a replay the writing connection spends seconds sorting indexes while the core that
/// read and decoded the events is idle. Totals gathered as the events go by are computed on
/// that core meanwhile, and the writer then only inserts finished rows. Each implementation
/// must give exactly the rows its projection's inline updates give: `RebuildTests` compares
/// every table row by row.
///
/// One rebuild uses one instance, handed between threads in turn (never used by two at once):
/// `observe` on the writing thread during the replay, `compute` on another thread while the
/// writer builds indexes, `insert` on the writing thread once `compute` has returned.
protocol ReplayTotals: AnyObject, Sendable {
    /// Notes one event; called for every event, in log order.
    func observe(_ event: DomainEvent)
    /// Works the totals out from what was observed.
    func compute()
    /// Inserts the computed rows into the projection's (empty) total tables.
    func insert(in db: Database) throws
}
