import Archive
import ArgumentParser
import Bilingual
import EventStore
import Foundation

struct ArchiveListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the exports recorded in this store. 列出已导出的归档")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @OptionGroup var global: GlobalOptions

    @Option(help: "table or json. 输出格式")
    var format: Format = .table

    func run() throws {
        let history = try global.openStore().exportHistory()
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let records = history.map(ListedExport.init)
            print(String(decoding: try encoder.encode(records), as: UTF8.self))
        case .table:
            let zh = global.language == .zh
            var table = TextTable(columns: [
                .init(title: zh ? "位置" : "position", alignment: .right),
                .init(title: zh ? "导出时间" : "exported at"),
                .init(title: zh ? "操作人" : "by"),
                .init(title: zh ? "期间" : "period"),
                .init(title: zh ? "范围" : "range"),
                .init(title: zh ? "事件数" : "events", alignment: .right),
                .init(title: zh ? "Merkle 根" : "Merkle root"),
                .init(title: zh ? "签名" : "signed"),
                .init(title: zh ? "归档文件" : "archive"),
            ])
            for entry in history {
                let record = entry.record
                table.append([
                    String(entry.event.position), entry.event.recordedTime, entry.event.metadata.actor, record.period ?? "-",
                    "\(record.firstPosition)–\(record.lastPosition)", String(record.eventCount),
                    String(record.merkleRoot.prefix(16)), record.publicKey == nil ? (zh ? "否" : "no") : (zh ? "是" : "yes"),
                    record.archive,
                ])
            }
            print(table.render())
        }
    }
}

/// One export in `archive list --format json`: the record plus who and when.
private struct ListedExport: Encodable {
    var position: Int64
    var exportedAt: String
    var actor: String
    var record: ExportRecord

    init(_ entry: ExportHistoryEntry) {
        position = entry.event.position
        exportedAt = entry.event.recordedTime
        actor = entry.event.metadata.actor
        record = entry.record
    }

    enum CodingKeys: String, CodingKey {
        case position, exportedAt = "exported_at", actor, record
    }
}
