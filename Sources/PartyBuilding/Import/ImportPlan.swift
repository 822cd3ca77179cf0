import Bilingual
import EventStore
import Foundation

/// Checks a whole file against the store's state and decides its events, writing nothing:
/// the caller appends `events` in one atomic append, or nothing when there are `problems`.
///
/// Each row is judged against the state plus the rows above it, in one pass: the cost grows
/// linearly with the number of rows.
public struct ImportPlan: Sendable {
    /// The events to append, in row order, with their ids.
    public var events: [IdentifiedEvent] = []
    /// Rows whose events the store already holds (an earlier import of the same rows).
    public var alreadyImported = 0
    /// Rows that produce new events.
    public var newRows = 0
    public var problems: [RowProblem] = []

    /// - Parameters:
    ///   - knownEventIDs: event ids already in the store, to recognise rows imported before.
    ///   - lateReason: used for meeting rows without a `late-reason` of their own.
    ///   - progress: called with rows done and rows in all.
    public static func make(
        records: [CSVRecord], kind: ImportKind, file: String, state: DomainState, knownEventIDs: Set<String>,
        today: CalendarDate, lateReason: String? = nil, progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> ImportPlan {
        guard let header = records.first else {
            throw ImportError.badHeader(file: file, reason: BilingualText(zh: "文件是空的", en: "the file is empty"))
        }
        let columns = try checkedHeader(header.fields, kind: kind, file: file)
        var plan = ImportPlan()
        var state = state
        var firstLineOfRow: [String: Int] = [:]
        let rows = records.dropFirst()
        for (done, record) in rows.enumerated() {
            if done % 1000 == 0 { progress(done, rows.count) }
            plan.consider(record, columns: columns, kind: kind, state: &state, knownEventIDs: knownEventIDs,
                          today: today, lateReason: lateReason, firstLineOfRow: &firstLineOfRow)
        }
        progress(rows.count, rows.count)
        return plan
    }

    private mutating func consider(
        _ record: CSVRecord, columns: [String], kind: ImportKind, state: inout DomainState, knownEventIDs: Set<String>,
        today: CalendarDate, lateReason: String?, firstLineOfRow: inout [String: Int]
    ) {
        guard record.fields.count == columns.count else {
            problems.append(RowProblem(line: record.line, message: BilingualText(
                zh: "有 \(record.fields.count) 列，表头有 \(columns.count) 列", en: "\(record.fields.count) columns where the header has \(columns.count)")))
            return
        }
        var values: [String: String] = [:]
        for (column, value) in zip(columns, record.fields) { values[column] = value }
        if kind == .meetings, let lateReason, (values["late-reason"] ?? "").isEmpty { values["late-reason"] = lateReason }
        let key = Self.rowKey(kind: kind, values: values)
        if let earlier = firstLineOfRow[key] {
            problems.append(RowProblem(line: record.line, message: BilingualText(
                zh: "与第 \(earlier) 行相同：请删去重复行", en: "same as line \(earlier): remove the repeated row")))
            return
        }
        firstLineOfRow[key] = record.line
        if knownEventIDs.contains(Self.eventID(rowKey: key, index: 0)) {
            alreadyImported += 1
            return
        }
        do {
            let command = try kind.command(Fields(values, listSeparator: ";"), recordID: DeterministicID.uuid(for: key), today: today)
            let decided = try decide(command, state, today: today)
            for (index, event) in decided.enumerated() {
                state.apply(event)
                events.append(IdentifiedEvent(id: Self.eventID(rowKey: key, index: index), event: event))
            }
            newRows += 1
        } catch let error as any UserFacingError {
            problems.append(RowProblem(line: record.line, message: error.message))
        } catch {
            problems.append(RowProblem(line: record.line, message: BilingualText(zh: "\(error)", en: "\(error)")))
        }
    }

    /// The header's column names, each one known and the required ones present.
    private static func checkedHeader(_ fields: [String], kind: ImportKind, file: String) throws -> [String] {
        let columns = fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let allowed = kind.columns.joined(separator: ",")
        if let unknown = columns.first(where: { !kind.columns.contains($0) }) {
            throw ImportError.badHeader(file: file, reason: BilingualText(
                zh: "未知列“\(unknown)”：\(kind.rawValue) 文件的列为 \(allowed)",
                en: "unknown column '\(unknown)': a \(kind.rawValue) file has columns \(allowed)"))
        }
        if let missing = kind.requiredColumns.first(where: { !columns.contains($0) }) {
            throw ImportError.badHeader(file: file, reason: BilingualText(
                zh: "缺少必需的列“\(missing)”", en: "the required column '\(missing)' is missing"))
        }
        if Set(columns).count != columns.count {
            throw ImportError.badHeader(file: file, reason: BilingualText(zh: "有重复的列名", en: "a column name is repeated"))
        }
        return columns
    }

    /// The row's identity: its kind and non-blank values, sorted by column, so the same
    /// content gives the same ids whatever the column order or file encoding.
    static func rowKey(kind: ImportKind, values: [String: String]) -> String {
        let parts = values.compactMap { column, value -> String? in
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : column + "=" + trimmed
        }.sorted()
        return "dangjian-import\u{1F}" + kind.rawValue + "\u{1F}" + parts.joined(separator: "\u{1F}")
    }

    static func eventID(rowKey: String, index: Int) -> String {
        DeterministicID.uuid(for: rowKey + "\u{1F}event-\(index)")
    }
}
