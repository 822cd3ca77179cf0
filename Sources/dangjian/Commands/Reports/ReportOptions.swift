import ArgumentParser
import Bilingual
import EventStore
import Foundation
import GRDB
import PartyBuilding
import Projections

/// Options every report takes.
struct ReportOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only this organisation and everything under it. 只看该组织及下级")
    var org: String?

    @Option(help: "table, json or csv. 输出格式")
    var format: Format = .table

    /// Runs `query` on a consistent snapshot and prints its rows in the chosen format.
    func print<Row: Encodable>(
        _ query: (Database) throws -> [Row], table: ([Row], Language) -> ReportTable
    ) throws {
        try print(try global.openStore().snapshot(query), table: table)
    }

    /// Prints rows in the chosen format.
    func print<Row: Encodable>(_ rows: [Row], table: ([Row], Language) -> ReportTable) throws {
        var output = OutputBuffer()
        switch format {
        case .json:
            output.writeLine(try ReportJSON.encode(rows))
        case .csv:
            output.write(table(rows, global.language).csv(in: global.language))
        case .table:
            output.writeLine(TextTable(table(rows, global.language), language: global.language).render())
        }
        output.flush()
    }
}

/// The JSON of every report: snake_case field names, sorted keys, one array.
enum ReportJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// `--period 2026-03|2026-Q1|2026`.
extension Period: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(parsing: argument)
    }
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(parsing: argument)
    }
}
