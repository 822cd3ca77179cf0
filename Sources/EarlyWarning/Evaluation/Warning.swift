import Bilingual
import Foundation

/// How bad: red is breached, yellow is due soon or running poorly (红黄灯).
public enum Severity: String, Codable, Hashable, Sendable, Comparable {
    case red, yellow

    /// Red sorts first.
    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .red && rhs == .yellow
    }
}

/// One warning as evaluated, in both languages.
public struct Finding: Hashable, Sendable {
    public var rule: String
    public var severity: Severity
    /// The branch or group concerned; for member rules, the member's branch.
    public var org: String
    /// The member concerned, or nil for organisation rules.
    public var subject: String?
    /// `2026-03`, `2026-Q1`, `2026`, or nil.
    public var period: String?
    /// The day the condition began.
    public var since: String?
    public var message: BilingualText
    public var basis: BilingualText

    /// Stable across runs and rebuilds: rule, subject (or organisation) and period. An
    /// acknowledgement names it; a new period gives a new key, so a persisting condition
    /// comes back.
    public var key: String {
        rule + ":" + (subject ?? org) + ":" + (period ?? "-")
    }

    /// Red before yellow, then organisation, rule, subject, period. (Field by field rather
    /// than as tuples, which copied five strings per comparison: a district's thousands of
    /// warnings took 20 ms to sort.)
    static func precedes(_ a: Finding, _ b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity < b.severity }
        if a.org != b.org { return a.org < b.org }
        if a.rule != b.rule { return a.rule < b.rule }
        let (subjectA, subjectB) = (a.subject ?? "", b.subject ?? "")
        if subjectA != subjectB { return subjectA < subjectB }
        return a.period ?? "" < b.period ?? ""
    }
}

/// A warning as `dangjian warnings --format json` prints it: exactly these fields, in one language.
public struct Warning: Encodable, Hashable, Sendable {
    public var key: String
    public var rule: String
    public var severity: Severity
    public var org: String
    public var subject: String?
    public var period: String?
    public var since: String?
    public var message: String
    public var basis: String
    public var acknowledged: Bool

    public init(_ finding: Finding, language: Language, acknowledged: Bool) {
        key = finding.key
        rule = finding.rule
        severity = finding.severity
        org = finding.org
        subject = finding.subject
        period = finding.period
        since = finding.since
        message = finding.message.text(in: language)
        basis = finding.basis.text(in: language)
        self.acknowledged = acknowledged
    }

    private enum CodingKeys: String, CodingKey {
        case key, rule, severity, org, subject, period, since, message, basis, acknowledged
    }

    /// Absent values are written as `null`, never left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(rule, forKey: .rule)
        try container.encode(severity, forKey: .severity)
        try container.encode(org, forKey: .org)
        try container.encode(subject, forKey: .subject)
        try container.encode(period, forKey: .period)
        try container.encode(since, forKey: .since)
        try container.encode(message, forKey: .message)
        try container.encode(basis, forKey: .basis)
        try container.encode(acknowledged, forKey: .acknowledged)
    }
}
