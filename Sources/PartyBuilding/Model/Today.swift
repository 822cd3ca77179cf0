import Foundation

/// "Today" for the rules (no future dates, late logging): the district's calendar day.
public enum Today {
    /// The district's time zone unless configured otherwise.
    public static let defaultTimeZone = "Asia/Shanghai"

    /// `DANGJIAN_TODAY` (`YYYY-MM-DD`) when set, so scripts and tests can fix the day;
    /// otherwise the current day in Asia/Shanghai.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date()
    ) throws -> CalendarDate {
        if let fixed = environment["DANGJIAN_TODAY"] {
            return try Fields.parsedDate(fixed, field: "DANGJIAN_TODAY")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: defaultTimeZone)!
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
