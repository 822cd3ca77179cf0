import Foundation
import Bilingual

/// Named text values, as typed on the command line (`--name value`) or found in a CSV
/// column of the same name, parsed into the domain's types with the same rules either way.
public struct Fields: Sendable {
    public var values: [String: String]
    /// Separates the items of a list value: `,` on the command line, `;` in CSV files.
    public var listSeparator: Character

    public init(_ values: [String: String?], listSeparator: Character) {
        self.values = values.compactMapValues { $0 }
        self.listSeparator = listSeparator
    }

    /// The trimmed value, or nil when absent or blank.
    public func optional(_ name: String) -> String? {
        guard let raw = values[name] else { return nil }
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    public func required(_ name: String) throws -> String {
        guard let value = optional(name) else { throw DomainError.missingField(name: name) }
        return value
    }

    /// Whether the field was given at all, even blank (a correction's way to clear a value).
    public func isPresent(_ name: String) -> Bool { values[name] != nil }

    public func identifier(_ name: String) throws -> String {
        try Self.checkedIdentifier(required(name), field: name)
    }

    public func optionalIdentifier(_ name: String) throws -> String? {
        try optional(name).map { try Self.checkedIdentifier($0, field: name) }
    }

    /// Ids: 1–64 characters, no spaces, no `,` `;` `:` (they separate list items).
    static func checkedIdentifier(_ value: String, field: String) throws -> String {
        let forbidden: Set<Character> = [",", ";", ":"]
        guard value.count <= 64, !value.contains(where: { $0.isWhitespace || forbidden.contains($0) || $0.asciiValue.map { $0 < 0x20 } == true })
        else {
            throw DomainError.invalidField(name: field, value: value, expected: BilingualText(
                zh: "1–64 个字符的编号，不含空格和 , ; :", en: "an id of 1–64 characters without spaces or , ; :"))
        }
        return value
    }

    public func date(_ name: String) throws -> CalendarDate {
        try Self.parsedDate(required(name), field: name)
    }

    public func optionalDate(_ name: String) throws -> CalendarDate? {
        try optional(name).map { try Self.parsedDate($0, field: name) }
    }

    static func parsedDate(_ value: String, field: String) throws -> CalendarDate {
        guard let date = CalendarDate(parsing: value) else {
            throw DomainError.invalidField(name: field, value: value, expected: BilingualText(
                zh: "YYYY-MM-DD 格式的日期，如 2026-03-15", en: "a date YYYY-MM-DD, like 2026-03-15"))
        }
        return date
    }

    public func month(_ name: String) throws -> YearMonth {
        try Self.parsedMonth(required(name), field: name)
    }

    public func optionalMonth(_ name: String) throws -> YearMonth? {
        try optional(name).map { try Self.parsedMonth($0, field: name) }
    }

    static func parsedMonth(_ value: String, field: String) throws -> YearMonth {
        guard let month = YearMonth(parsing: value) else {
            throw DomainError.invalidField(name: field, value: value, expected: BilingualText(
                zh: "YYYY-MM 格式的月份，如 2026-03", en: "a month YYYY-MM, like 2026-03"))
        }
        return month
    }

    public func choice<V: Vocabulary>(_ name: String, _ type: V.Type) throws -> V {
        try Self.parsedChoice(required(name), field: name, type)
    }

    public func optionalChoice<V: Vocabulary>(_ name: String, _ type: V.Type) throws -> V? {
        try optional(name).map { try Self.parsedChoice($0, field: name, type) }
    }

    static func parsedChoice<V: Vocabulary>(_ value: String, field: String, _ type: V.Type, allowed: [V] = Array(V.allCases)) throws -> V {
        guard let choice = V(rawValue: value), allowed.contains(choice) else {
            let words = allowed.map(\.rawValue).joined(separator: "|")
            throw DomainError.invalidField(name: field, value: value, expected: BilingualText(zh: "以下之一：\(words)", en: "one of \(words)"))
        }
        return choice
    }

    /// The list items, trimmed, blanks dropped; nil when the field is absent.
    public func list(_ name: String) -> [String]? {
        guard let raw = values[name] else { return nil }
        return raw.split(separator: listSeparator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    public func identifierList(_ name: String) throws -> [String]? {
        try list(name)?.map { try Self.checkedIdentifier($0, field: name) }
    }

    /// `ID:REASON` items: members on approved leave.
    public func leaveList(_ name: String) throws -> [ApprovedLeave]? {
        try list(name)?.map { item in
            let parts = item.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else {
                throw DomainError.invalidField(name: name, value: item, expected: BilingualText(
                    zh: "“编号:事由”，如 m07:出差", en: "ID:REASON, like m07:travelling"))
            }
            return ApprovedLeave(member: try Self.checkedIdentifier(parts[0], field: name), reason: parts[1])
        }
    }

    /// An integer within `range`.
    public func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int {
        try Self.parsedInteger(required(name), field: name, in: range)
    }

    public func optionalInteger(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        try optional(name).map { try Self.parsedInteger($0, field: name, in: range) }
    }

    static func parsedInteger(_ value: String, field: String, in range: ClosedRange<Int>) throws -> Int {
        guard let number = Int(value), range.contains(number) else {
            throw DomainError.invalidField(name: field, value: value, expected: BilingualText(
                zh: "\(range.lowerBound) 到 \(range.upperBound) 之间的整数",
                en: "a whole number from \(range.lowerBound) to \(range.upperBound)"))
        }
        return number
    }

    /// Hours with at most one decimal, 0 < h ≤ 24, as tenths: `1.5` is 15.
    public func hoursTenths(_ name: String) throws -> Int {
        let value = try required(name)
        guard let tenths = Decimals.scaled(value, places: 1), (1...240).contains(tenths) else {
            throw DomainError.invalidField(name: name, value: value, expected: BilingualText(
                zh: "大于 0、不超过 24 的学时，至多一位小数，如 1.5",
                en: "hours above 0 and at most 24, with at most one decimal, like 1.5"))
        }
        return Int(tenths)
    }

    /// Yuan with at most two decimals, above zero, as fen: `12.50` is 1250.
    public func optionalFen(_ name: String) throws -> Int64? {
        guard let value = optional(name) else { return nil }
        guard let fen = Decimals.scaled(value, places: 2), fen > 0, fen <= 100_000_000_00 else {
            throw DomainError.invalidField(name: name, value: value, expected: BilingualText(
                zh: "以元为单位、大于 0 的金额，至多两位小数，如 12.50",
                en: "an amount in yuan above 0 with at most two decimals, like 12.50"))
        }
        return fen
    }
}

/// Exact decimal text to integers in a smaller unit, never through floating point.
enum Decimals {
    /// `"12.5"` with 2 places is 1250; nil for anything but digits with at most `places` decimals.
    static func scaled(_ text: String, places: Int) -> Int64? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 12,
              whole.allSatisfy(\.isASCII), let wholeValue = Int64(whole), wholeValue >= 0, !whole.hasPrefix("+")
        else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= places, fraction.allSatisfy({ $0.isASCII && $0.isNumber }),
              parts.count == 1 || !fraction.isEmpty else { return nil }
        fraction += String(repeating: "0", count: places - fraction.count)
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        return wholeValue * scale + (fraction.isEmpty ? 0 : Int64(fraction)!)
    }
}
