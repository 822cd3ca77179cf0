import Bilingual
import EventStore

/// Which events an export covers: always one contiguous run of positions.
public enum ArchiveSelection: Sendable {
    /// Everything after the last export through the last event dated in or before the period.
    case period(ArchivePeriod)
    /// Everything after the last export.
    case sinceLast
    /// Exactly these positions.
    case positions(from: Int64, to: Int64)

    /// The positions selected in `store` now.
    ///
    /// Business dates do not grow with position (a meeting may be logged weeks later), so a
    /// period cannot be cut out of the log without leaving gaps. The rule: a period's archive
    /// starts right after the furthest position any earlier export reached (1 if none) and
    /// ends at the last event whose business date is on or before the period's last day.
    /// Events in between that are dated later ride along; events dated in the period but
    /// recorded after that point go into the next archive. Every event is in exactly one
    /// archive of the chain.
    public func positions(in store: EventStore) throws -> ClosedRange<Int64> {
        let head = try store.head()?.position ?? 0
        switch self {
        case .positions(let from, let to):
            guard from >= 1, from <= to, to <= head else {
                throw ArchiveError.refused(BilingualText(
                    zh: "位置范围 \(from)–\(to) 无效：须满足 1 ≤ --from ≤ --to ≤ \(head)（日志末位）",
                    en: "the range \(from)–\(to) is not valid: it needs 1 ≤ --from ≤ --to ≤ \(head) (the log's last position)"))
            }
            return from...to
        case .sinceLast:
            let from = try Self.firstUnexported(in: store)
            guard from <= head else {
                throw ArchiveError.refused(BilingualText(
                    zh: "上次导出之后没有新事件（已导出至位置 \(from - 1)）",
                    en: "there are no events since the last export (exported through position \(from - 1))"))
            }
            return from...head
        case .period(let period):
            let from = try Self.firstUnexported(in: store)
            var last: Int64?
            try store.forEachBatch(from: from, batchSize: 10_000) { events in
                for event in events where BusinessDate(businessTime: event.businessTime).map({ $0 <= period.lastDay }) ?? false {
                    last = event.position
                }
            }
            guard let last else {
                throw ArchiveError.refused(BilingualText(
                    zh: "位置 \(from) 之后没有业务日期不晚于 \(period.lastDay) 的事件：\(period.label) 已全部导出，或尚无记录",
                    en: "no event after position \(from - 1) has a business date on or before \(period.lastDay): \(period.label) was exported already, or nothing is recorded yet"))
            }
            return from...last
        }
    }

    /// The position after the furthest any recorded export reached.
    static func firstUnexported(in store: EventStore) throws -> Int64 {
        (try store.exportHistory().map(\.record.lastPosition).max() ?? 0) + 1
    }
}
