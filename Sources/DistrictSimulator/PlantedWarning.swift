/// A warning the simulator made happen on purpose, in the terms `dangjian warnings` uses:
/// rule id, light, organisation (a member's branch for member rules), member, period.
public struct PlantedWarning: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var rule: String
    /// `red` or `yellow`.
    public var severity: String
    public var org: String
    public var subject: String?
    public var period: String?

    public init(rule: String, severity: String, org: String, subject: String? = nil, period: String?) {
        self.rule = rule
        self.severity = severity
        self.org = org
        self.subject = subject
        self.period = period
    }

    public static func < (a: PlantedWarning, b: PlantedWarning) -> Bool {
        (a.rule, a.severity, a.org, a.subject ?? "", a.period ?? "") < (b.rule, b.severity, b.org, b.subject ?? "", b.period ?? "")
    }

    public var description: String {
        "\(severity) \(rule) \(org) \(subject ?? "-") \(period ?? "-")"
    }
}
