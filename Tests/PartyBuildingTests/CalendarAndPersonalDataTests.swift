import Testing
@testable import PartyBuilding

@Suite struct CalendarDateTests {
    @Test func parsesOnlyRealDatesInTheExactFormat() {
        #expect(CalendarDate(parsing: "2024-02-29")?.description == "2024-02-29")
        #expect(CalendarDate(parsing: "2025-02-29") == nil)
        #expect(CalendarDate(parsing: "2025-2-01") == nil)
        #expect(CalendarDate(parsing: "2025/02/01") == nil)
        #expect(YearMonth(parsing: "2026-13") == nil)
        #expect(YearMonth(parsing: "2026-03")?.description == "2026-03")
    }

    @Test func dayNumbersRoundTripAcrossCenturies() {
        #expect(CalendarDate(parsing: "1970-01-01")!.dayNumber == 0)
        for number in stride(from: -200_000, through: 200_000, by: 997) {
            #expect(CalendarDate(dayNumber: number).dayNumber == number)
        }
        #expect(CalendarDate(parsing: "2026-01-01")!.days(until: CalendarDate(parsing: "2026-03-01")!) == 59)
    }

    @Test func ordersAsItsDayNumbersAndKeepsItsFields() {
        var random = SystemRandomNumberGenerator()
        let days = (0..<2_000).map { _ in CalendarDate(dayNumber: Int.random(in: -719_162...2_932_896, using: &random)) }
        for (a, b) in zip(days, days.shuffled()) {
            #expect((a < b) == (a.dayNumber < b.dayNumber), "\(a) vs \(b)")
            #expect(CalendarDate(year: a.year, month: a.month, day: a.day) == a)
        }
        for text in ["0001-01-01", "9999-12-31", "2024-02-29", "2026-10-31"] {
            let date = CalendarDate(parsing: text)!
            #expect(date.description == text)
            #expect(Array(text.utf8).withUnsafeBufferPointer(CalendarDate.init(utf8:)) == date)
        }
    }

    @Test func addingMonthsClampsToTheMonthsLastDay() {
        #expect(CalendarDate(parsing: "2024-02-29")!.adding(years: 1).description == "2025-02-28")
        #expect(CalendarDate(parsing: "2025-08-31")!.adding(months: 6).description == "2026-02-28")
        #expect(CalendarDate(parsing: "2025-12-15")!.adding(months: 2).description == "2026-02-15")
    }
}

@Suite struct PersonalDataTests {
    @Test func idCardCheckDigitFollowsGB11643() {
        #expect(PersonalData.normalisedIDCard("530102199001011231") == "530102199001011231")
        #expect(PersonalData.normalisedIDCard("11010519491231002x") == "11010519491231002X")
        #expect(PersonalData.normalisedIDCard("530102199001011232") == nil)  // wrong check digit
        #expect(PersonalData.normalisedIDCard("530102199002301231") == nil)  // 30 February
        #expect(PersonalData.normalisedIDCard("53010219900101123") == nil)   // 17 characters
    }

    @Test func refusedIDCardIsReportedMasked() {
        let refusal = #expect(throws: DomainError.self) {
            try CommandParsing.addMember(World.fields([
                "id": "m1", "name": "张三", "branch": "b1", "status": "full", "since": "2020-01-01",
                "id-card": "530102199001011232",
            ]))
        }
        #expect(refusal?.message.en.contains("5301**********1232") == true)
        #expect(refusal?.message.en.contains("530102199001011232") == false)
    }

    @Test func masksKeepOnlyTheEnds() {
        #expect(PersonalData.maskedIDCard("530102199001011231") == "5301**********1231")
        #expect(PersonalData.maskedPhone("13812345678") == "138****5678")
    }

    @Test func phonesAreMobileOrLandline() {
        #expect(PersonalData.normalisedPhone("138 1234 5678") == "13812345678")
        #expect(PersonalData.normalisedPhone("0871-63123456") == "0871-63123456")
        #expect(PersonalData.normalisedPhone("12345") == nil)
        #expect(PersonalData.normalisedPhone("23812345678") == nil)
    }
}

@Suite struct FieldParsingTests {
    @Test func hoursAreStoredInTenthsWithOneDecimalAtMost() throws {
        #expect(try World.fields(["hours": "1.5"]).hoursTenths("hours") == 15)
        #expect(try World.fields(["hours": "24"]).hoursTenths("hours") == 240)
        for bad in ["0", "0.0", "24.1", "1.25", "-1", "abc", "1.", ".5"] {
            #expect(throws: DomainError.self) { try World.fields(["hours": bad]).hoursTenths("hours") }
        }
    }

    @Test func amountsAreStoredExactlyInFen() throws {
        #expect(try World.fields(["amount": "12.5"]).optionalFen("amount") == 1250)
        #expect(try World.fields(["amount": "0.01"]).optionalFen("amount") == 1)
        #expect(try World.fields(["amount": "300"]).optionalFen("amount") == 30000)
        for bad in ["0", "1.234", "-5", "1e3", "¥5"] {
            #expect(throws: DomainError.self) { try World.fields(["amount": bad]).optionalFen("amount") }
        }
    }

    @Test func idsRefuseListSeparators() {
        for bad in ["a,b", "a;b", "a:b", "a b"] {
            #expect(throws: DomainError.self) { try World.fields(["id": bad]).identifier("id") }
        }
    }
}
