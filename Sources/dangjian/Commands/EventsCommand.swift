import ArgumentParser
import Bilingual
import EventStore

struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List events in log order. 查看事件",
        discussion: """
            ndjson prints one canonical envelope per line, exactly as hashed (docs/event-format.md, \
            schemas/envelope.schema.json); json prints the same envelopes as one array.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, ndjson
    }

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only the events of this stream. 只看此流")
    var stream: String?

    @Option(help: "Start at this global position; with --stream, at this stream version. 起始位置")
    var from: Int64 = 1

    @Option(help: "At most this many events. 最多条数")
    var limit: Int?

    @Option(help: "table, json or ndjson. 输出格式")
    var format: Format = .table

    func validate() throws {
        guard from >= 1 else { throw ValidationError("--from must be 1 or more") }
        if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
    }

    func run() throws {
        let store = try global.openStore()
        var output = OutputBuffer()
        var table = TextTable(columns: EventsTable.columns(global.language))
        var written = 0
        if format == .json { output.write("[") }
        try forEachBatch(of: store) { events in
            for event in events {
                switch format {
                case .ndjson:
                    output.writeLine(event.canonicalLine)
                case .json:
                    output.write(written == 0 ? "\n" : ",\n")
                    output.write(event.canonicalLine)
                case .table:
                    table.append(EventsTable.row(event))
                }
                written += 1
            }
        }
        switch format {
        case .json: output.writeLine(written == 0 ? "]" : "\n]")
        case .table: output.writeLine(table.render())
        case .ndjson: break
        }
        output.flush()
    }

    /// Reads the selected events in batches, stopping at --limit.
    private func forEachBatch(of store: EventStore, _ body: ([RecordedEvent]) throws -> Void) throws {
        var remaining = limit ?? Int.max
        var next = from
        while remaining > 0 {
            let size = min(remaining, 5_000)
            let batch = try stream.map { try store.readStream($0, from: next, limit: size) }
                ?? store.readAll(from: next, limit: size)
            guard let last = batch.last else { return }
            try body(batch)
            remaining -= batch.count
            next = (stream == nil ? last.position : last.streamVersion) + 1
        }
    }
}

/// The people's view of events.
enum EventsTable {
    static func columns(_ language: Language) -> [TextTable.Column] {
        let zh = language == .zh
        return [
            .init(title: zh ? "位置" : "position", alignment: .right),
            .init(title: zh ? "流" : "stream"),
            .init(title: zh ? "版本" : "version", alignment: .right),
            .init(title: zh ? "类型" : "type"),
            .init(title: zh ? "业务时间" : "business time"),
            .init(title: zh ? "记录时间" : "recorded"),
            .init(title: zh ? "操作人" : "actor"),
            .init(title: zh ? "哈希" : "hash"),
        ]
    }

    static func row(_ event: RecordedEvent) -> [String] {
        [
            String(event.position), event.streamID, String(event.streamVersion), event.type,
            event.businessTime, event.recordedTime, event.metadata.actor, String(event.hash.prefix(12)),
        ]
    }
}
