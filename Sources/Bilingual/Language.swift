import Foundation

/// The languages dangjian speaks to people. JSON field names never change with it.
public enum Language: String, CaseIterable, Sendable {
    case zh
    case en

    /// The language named by the environment (`LC_ALL`, then `LC_MESSAGES`, then `LANG`),
    /// following POSIX precedence: `zh_CN.UTF-8` gives Chinese, anything else English.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return value.lowercased().hasPrefix("zh") ? .zh : .en
            }
        }
        return .en
    }
}

/// A piece of user-facing text in both languages.
public struct BilingualText: Sendable, Hashable {
    public let zh: String
    public let en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public func text(in language: Language) -> String {
        language == .zh ? zh : en
    }
}
