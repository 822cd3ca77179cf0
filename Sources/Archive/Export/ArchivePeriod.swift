import Bilingual

/// A calendar date, from the `YYYY-MM-DD` that begins every business time.
public struct BusinessDate: Comparable, Hashable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date a business time (`2026-03-31` or `2026-03-31T23:30:00+08:00`) falls on, as
    /// written: its own offset decides the day, never a conversion.
    public init?(businessTime: String) {
        let digits = Array(businessTime.utf8.prefix(10))
        guard digits.count == 10, digits[4] == UInt8(ascii: "-"), digits[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in digits[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public static func < (a: BusinessDate, b: BusinessDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

/// A business period an export is asked for: a quarter `2026-Q1`, a month `2026-03` or a year `2026`.
public struct ArchivePeriod: Hashable, Sendable {
    /// As the user wrote it, normalised: `2026-Q1`, `2026-03`, `2026`.
    public var label: String
    public var firstDay: BusinessDate
    public var lastDay: BusinessDate

    public init(parsing text: String) throws {
        let year: Int
        let months: ClosedRange<Int>
        if let match = text.wholeMatch(of: /(\d{4})-[Qq]([1-4])/) {
            year = Int(match.1)!
            let quarter = Int(match.2)!
            months = (quarter - 1) * 3 + 1...quarter * 3
            label = "\(match.1)-Q\(quarter)"
        } else if let match = text.wholeMatch(of: /(\d{4})-(\d{2})/), let month = Int(match.2), (1...12).contains(month) {
            year = Int(match.1)!
            months = month...month
            label = text
        } else if let match = text.wholeMatch(of: /\d{4}/) {
            year = Int(match.0)!
            months = 1...12
            label = text
        } else {
            throw ArchiveError.refused(BilingualText(
                zh: "无法识别期间 “\(text)”：请写成季度 2026-Q1、月份 2026-03 或年份 2026",
                en: "cannot read the period \"\(text)\": write a quarter 2026-Q1, a month 2026-03 or a year 2026"))
        }
        firstDay = BusinessDate(year: year, month: months.lowerBound, day: 1)
        lastDay = BusinessDate(year: year, month: months.upperBound, day: Self.days(inMonth: months.upperBound, year: year))
    }

    private static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
