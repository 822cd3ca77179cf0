/// Personal data (身份证号, phone): validated on the way in, masked on the way out.
///
/// It travels only in `member.personal-data-recorded` events, never in other payloads, and
/// only sealed under a per-member key (`PersonalDataSealing`) that erasure destroys.
public enum PersonalData {
    /// The 18-character resident ID number per GB 11643-1999, normalised (a final `x` as `X`),
    /// or nil when its format, birth date or check digit is wrong.
    public static func normalisedIDCard(_ text: String) -> String? {
        let characters = Array(text.uppercased().utf8)
        guard characters.count == 18,
              characters[0..<17].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let year = Digits.value(characters[6..<10]), let month = Digits.value(characters[10..<12]),
              let day = Digits.value(characters[12..<14]), CalendarDate(year: year, month: month, day: day) != nil
        else { return nil }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(characters[0..<17], weights).reduce(0) { $0 + Int($1.0 - UInt8(ascii: "0")) * $1.1 }
        let checkCharacters = Array("10X98765432".utf8)
        guard characters[17] == checkCharacters[sum % 11] else { return nil }
        return String(decoding: characters, as: UTF8.self)
    }

    /// A mainland mobile number (11 digits from 1) or a landline with area code
    /// (`0871-12345678` or `087112345678`); returned without spaces.
    public static func normalisedPhone(_ text: String) -> String? {
        let compact = text.filter { $0 != " " }
        if compact.wholeMatch(of: /1[3-9][0-9]{9}/) != nil { return compact }
        if compact.wholeMatch(of: /0[1-9][0-9]{1,2}-?[1-9][0-9]{6,7}/) != nil { return compact }
        return nil
    }

    /// The first 4 and last 4 characters, the rest as `*`: `5301**********1234`.
    public static func maskedIDCard(_ number: String) -> String {
        mask(number, keepStart: 4, keepEnd: 4)
    }

    /// The first 3 and last 4 characters: `138****5678`.
    public static func maskedPhone(_ number: String) -> String {
        mask(number, keepStart: 3, keepEnd: 4)
    }

    private static func mask(_ text: String, keepStart: Int, keepEnd: Int) -> String {
        let characters = Array(text)
        guard characters.count > keepStart + keepEnd else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(keepStart)) + String(repeating: "*", count: characters.count - keepStart - keepEnd)
            + String(characters.suffix(keepEnd))
    }
}
