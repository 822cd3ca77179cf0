import Bilingual
@testable import EarlyWarning
import Foundation
import Testing

/// `WarningsJSON` must print exactly what the generic encoder printed before it, with the
/// reports' settings: scripts compare outputs byte for byte.
@Suite struct WarningsJSONTests {
    private func encoderOutput(_ warnings: [Warning]) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(warnings), as: UTF8.self)
    }

    private func warning(_ text: String, subject: String?, period: String?, acknowledged: Bool) -> Warning {
        let finding = Finding(
            rule: "dues-arrears", severity: acknowledged ? .yellow : .red, org: "gd/b-01", subject: subject,
            period: period, since: period.map { "\($0)-01" },
            message: BilingualText(zh: "张三 已欠缴党费 \(text)", en: "behind: \(text)"),
            basis: BilingualText(zh: "《条例》第三十条", en: "Regulations, art. 30 \"quoted\""))
        return Warning(finding, language: acknowledged ? .en : .zh, acknowledged: acknowledged)
    }

    @Test func matchesTheGenericEncoderForEveryKindOfCharacter() throws {
        let controls = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })
        let texts = [
            "", "plain", "a/b\\c\"d", controls, "\u{7F} é 中文 🇨🇳 \u{2028}\u{2029}", "tab\there\r\nnext",
        ]
        let warnings = texts.enumerated().map { index, text in
            warning(text, subject: index.isMultiple(of: 2) ? "m-\(index)" : nil,
                    period: index.isMultiple(of: 3) ? nil : "2026-0\(index)", acknowledged: index.isMultiple(of: 2))
        }
        #expect(WarningsJSON.array(warnings) == (try encoderOutput(warnings)))
        #expect(WarningsJSON.array([warnings[1]]) == (try encoderOutput([warnings[1]])))
    }

    @Test func anEmptyListIsAnEmptyArray() throws {
        #expect(WarningsJSON.array([]) == (try encoderOutput([])))
    }
}
