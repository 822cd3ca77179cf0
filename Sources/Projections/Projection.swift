import GRDB
import PartyBuilding

/// A group of query tables kept in step with the log.
///
/// `apply` must depend only on the events handed to it and on its own tables, so that
/// replaying the log from position 1 gives exactly the tables the inline updates built.
protocol Projection: Sendable {
    /// The name `dangjian rebuild --projection` takes.
    var name: String { get }
    /// Raise it whenever the tables or the way events fill them change: every store then
    /// rebuilds this projection from position 1 on first use.
    var version: Int { get }
    /// The tables it owns, dropped before a rebuild.
    var tables: [String] { get }
    /// Its secondary indexes (`CREATE INDEX` statements). A rebuild creates them after the
    /// replay: sorting once is several times cheaper than updating them row by row, and
    /// `apply` looks rows up only by primary key.
    var indexes: [String] { get }
    /// Creates the tables, with only those secondary indexes whose keys arrive in log order
    /// (dates): kept during a replay, they cost an append at the end each.
    func createTables(in db: Database) throws
    func apply(_ event: DomainEvent, mode: ApplyMode, in db: Database) throws
    /// For a replay: what works out the totals `.replay` mode leaves out, from the events
    /// (see ``ReplayTotals``); nil when the projection keeps none.
    func makeReplayTotals() -> (any ReplayTotals)?
}

/// Whether events arrive one append at a time or as a whole-log replay.
enum ApplyMode: Sendable {
    /// Inside an append: every table must be current when the transaction commits.
    case live
    /// During a rebuild: totals that are pure functions of other tables are left out, and
    /// worked out once at the end by the projection's ``ReplayTotals``.
    case replay
}

extension Projection {
    var indexes: [String] { [] }
    func makeReplayTotals() -> (any ReplayTotals)? { nil }
}
