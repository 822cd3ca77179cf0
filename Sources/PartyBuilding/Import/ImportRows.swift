import Bilingual
import Foundation

/// The rows of a CSV file read into commands, before any look at the store: a row's command
/// names the streams it needs (`streams(neededBy:knowing:)`), so the store is read for the
/// rows of the file and not in full.
public struct ImportRows: Sendable {
    /// A row read into the command it asks for.
    public struct Row: Sendable {
        public var line: Int
        /// The row's identity (`rowKey`): its ids derive from it.
        var key: String
        public var command: DomainCommand
    }

    public var rows: [Row] = []
    /// Rows that could not be read into a command: wrong column count, bad values, repeats.
    public var problems: [RowProblem] = []

    public var commands: [DomainCommand] { rows.map(\.command) }

    private let kind: ImportKind
    private let file: String
    private let today: CalendarDate
    private let lateReason: String?
    /// The header's column names, once its record is read.
    private var columns: [String]?
    /// The line of each row's first occurrence, to refuse repeats; emptied once the file is read.
    private var firstLineOfRow: [String: Int] = [:]

    /// Rows still to be read, record by record (`add`); `ImportRows.read` reads a whole file.
    /// - Parameters:
    ///   - lateReason: used for meeting rows without a `late-reason` of their own.
    ///   - today: the default date of rows that may leave theirs out.
    init(kind: ImportKind, file: String, today: CalendarDate, lateReason: String?) {
        self.kind = kind
        self.file = file
        self.today = today
        self.lateReason = lateReason
    }

    /// Reads the next record of the file: the first is the header.
    mutating func add(_ record: CSVRecord) throws {
        guard let columns else {
            columns = try Self.checkedHeader(record.fields, kind: kind, file: file)
            return
        }
        guard record.fields.count == columns.count else {
            problems.append(RowProblem(line: record.line, message: BilingualText(
                zh: "有 \(record.fields.count) 列，表头有 \(columns.count) 列",
                en: "\(record.fields.count) columns where the header has \(columns.count)")))
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
        do {
            let command = try kind.command(Fields(values, listSeparator: ";"), recordID: DeterministicID.uuid(for: key), today: today)
            rows.append(Row(line: record.line, key: key, command: command))
        } catch {
            problems.append(RowProblem(line: record.line, error: error))
        }
    }

    /// Called at the end of the file: refuses a file without even a header.
    mutating func finish() throws {
        guard columns != nil else {
            throw ImportError.badHeader(file: file, reason: BilingualText(zh: "文件是空的", en: "the file is empty"))
        }
        firstLineOfRow = [:]
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

extension RowProblem {
    /// A row refused by the parser or the rules, in their words.
    init(line: Int, error: any Error) {
        self.line = line
        if let error = error as? any UserFacingError {
            message = error.message
        } else {
            message = BilingualText(zh: "\(error)", en: "\(error)")
        }
    }
}
