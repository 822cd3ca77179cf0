/// Decides the events of a whole file against the state of the streams its rows need,
/// writing nothing: the caller appends `events` in one atomic append, or nothing when there
/// are `problems`.
///
/// Each row is judged against that state plus the rows above it, in one pass: the cost grows
/// linearly with the number of rows.
public struct ImportPlan: Sendable {
    /// The events to append, in row order, with their ids.
    public var events: [IdentifiedEvent] = []
    /// The keys of the personal data sealed in `events`, to append with them.
    public var keys: [PersonalDataKey] = []
    /// Rows whose events the store already holds (an earlier import of the same rows).
    public var alreadyImported = 0
    /// Rows that produce new events.
    public var newRows = 0
    /// Every bad row, in line order.
    public var problems: [RowProblem] = []

    /// - Parameters:
    ///   - basis: the streams `rows.commands` need (`DomainLog.load(neededBy:from:)`). A row was
    ///     imported before when its first event id is among the events read: that event lives
    ///     in a stream the row's command needs (the new organisation, member, meeting or study
    ///     session, or the member paying dues).
    ///   - progress: called with rows done and rows in all.
    public static func make(
        _ rows: ImportRows, basis: DecisionBasis, today: CalendarDate, progress: (Int, Int) -> Void = { _, _ in }
    ) -> ImportPlan {
        var plan = ImportPlan()
        var state = basis.state
        for (done, row) in rows.rows.enumerated() {
            if done % 1000 == 0 { progress(done, rows.rows.count) }
            if basis.eventIDs.contains(ImportRows.eventID(rowKey: row.key, index: 0)) {
                plan.alreadyImported += 1
                continue
            }
            do {
                let decided = try decideSealingPersonalData(row.command, state, today: today)
                plan.keys += decided.keys
                for (index, event) in decided.events.enumerated() {
                    state.apply(event)
                    plan.events.append(IdentifiedEvent(id: ImportRows.eventID(rowKey: row.key, index: index), event: event))
                }
                plan.newRows += 1
            } catch {
                plan.problems.append(RowProblem(line: row.line, error: error))
            }
        }
        progress(rows.rows.count, rows.rows.count)
        plan.problems = (rows.problems + plan.problems).sorted { $0.line < $1.line }
        return plan
    }
}
