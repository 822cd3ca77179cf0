import Foundation
import PartyBuilding

/// The recorded time of every append: the evening of the simulated day the batch was
/// appended on, so recorded times are as deterministic as everything else.
public final class SimulatedClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 0)

    public init() {}

    /// The time to stamp on the next append (pass it as the store's clock).
    public func now() -> Date {
        lock.withLock { current }
    }

    /// 20:00 in Asia/Shanghai (12:00 UTC) on `day`.
    func set(_ day: CalendarDate) {
        lock.withLock { current = Date(timeIntervalSince1970: TimeInterval(day.dayNumber) * 86_400 + 12 * 3_600) }
    }
}
