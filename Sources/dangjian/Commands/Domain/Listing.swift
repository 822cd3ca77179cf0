import ArgumentParser
import Bilingual
import EventStore
import Projections

/// `--format` of listings: a table for people, JSON and CSV for programs.
enum ListingFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// Rows with stable English keys, rendered as an aligned table (bilingual titles), a JSON
/// array of objects (keys sorted, one object per line) or CSV with the keys as header.
struct Listing {
    struct Column {
        var key: String
        var title: BilingualText
        var alignment: TextTable.Alignment = .left
    }

    var columns: [Column]
    var rows: [[String: JSONValue]] = []

    func render(_ format: ListingFormat, language: Language) -> String {
        switch format {
        case .table:
            var table = TextTable(columns: columns.map { TextTable.Column(title: $0.title.text(in: language), alignment: $0.alignment) })
            for row in rows { table.append(columns.map { Self.cell(row[$0.key] ?? .null, language) }) }
            return table.render()
        case .json:
            let objects = rows.map { CanonicalJSON.string(of: .object($0)) }
            return objects.isEmpty ? "[]" : "[\n" + objects.joined(separator: ",\n") + "\n]"
        case .csv:
            let header = columns.map { CSV.field($0.key) }.joined(separator: ",")
            let lines = rows.map { row in columns.map { CSV.field(Self.plain(row[$0.key] ?? .null)) }.joined(separator: ",") }
            return ([header] + lines).joined(separator: "\n")
        }
    }

    private static func cell(_ value: JSONValue, _ language: Language) -> String {
        if case .bool(let flag) = value { return flag ? (language == .zh ? "是" : "yes") : "" }
        return plain(value)
    }

    private static func plain(_ value: JSONValue) -> String {
        switch value {
        case .null: return ""
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .string(let text): return text
        case .array(let items): return items.map(plain).joined(separator: ";")
        case .object: return CanonicalJSON.string(of: value)
        }
    }
}

extension JSONValue {
    init(_ text: String?) { self = text.map(JSONValue.string) ?? .null }
}
