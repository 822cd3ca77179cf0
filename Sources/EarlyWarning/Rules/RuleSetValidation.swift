import Projections

extension RuleSet {
    /// The first thing in a well-formed rule set that cannot be right, with where it is.
    func validationProblem() -> ([JSONLineLocator.Component], String)? {
        if version != 1 {
            return ([.key("version")], "version \(version) is not supported: this dangjian reads version 1")
        }
        var seen = Set<String>()
        for (index, rule) in rules.enumerated() {
            let at: [JSONLineLocator.Component] = [.key("rules"), .index(index)]
            if rule.id.isEmpty || rule.id.contains(":") || rule.id.contains(where: \.isWhitespace) {
                return (at + [.key("id")], "an id is a non-empty word without spaces or ':'")
            }
            if !seen.insert(rule.id).inserted {
                return (at + [.key("id")], "the id '\(rule.id)' is used twice")
            }
            if rule.basis.zh.isEmpty || rule.basis.en.isEmpty {
                return (at + [.key("basis")], "every rule names its basis in Chinese and English")
            }
            if let (field, problem) = rule.check.parameterProblem() {
                return (at + [.key("parameters"), .key(field)], problem)
            }
        }
        return nil
    }
}

extension Rule.Check {
    /// The first parameter out of range: its field name and why.
    func parameterProblem() -> (String, String)? {
        func atLeast(_ value: Int, _ minimum: Int, _ field: String) -> (String, String)? {
            value < minimum ? (field, "must be \(minimum) or more, not \(value)") : nil
        }
        switch self {
        case .meetingFrequency(let p):
            let periodDays = p.frequency == .monthly ? 28 : p.frequency == .quarterly ? 90 : 365
            if p.judged == .groups && p.needsCommittee { return ("needs_committee", "party groups have no committee") }
            return atLeast(p.lookBackDays, 0, "look_back_days") ?? atLeast(p.reminderDays, 0, "reminder_days")
                ?? (p.reminderDays >= periodDays ? ("reminder_days", "must be shorter than the period (\(periodDays) days)") : nil)
        case .participationGap(let p), .duesArrears(let p):
            return atLeast(p.yellowMonths, 1, "yellow_months")
                ?? (p.redMonths <= p.yellowMonths ? ("red_months", "must be more than yellow_months (\(p.yellowMonths))") : nil)
        case .studyHours(let p):
            return atLeast(p.hours, 1, "hours") ?? atLeast(p.leaderHours, 1, "leader_hours")
                ?? ((1...12).contains(p.yellowFromMonth) ? nil : ("yellow_from_month", "must be a month, 1 to 12"))
        case .probationDue(let p), .committeeTerm(let p):
            return atLeast(p.reminderDays, 0, "reminder_days")
        case .branchStructure(let p):
            return atLeast(p.minimumFullMembers, 1, "minimum_full_members")
                ?? atLeast(p.committeeFromFullMembers, p.minimumFullMembers, "committee_from_full_members")
                ?? atLeast(p.maximumMembers, p.committeeFromFullMembers, "maximum_members")
                ?? atLeast(p.committeeMinimum, 1, "committee_minimum")
                ?? atLeast(p.committeeMaximum, p.committeeMinimum, "committee_maximum")
        case .activistDuration(let p):
            return atLeast(p.minimumMonths, 1, "minimum_months") ?? atLeast(p.lookBackDays, 0, "look_back_days")
        case .applicantTalk(let p):
            return atLeast(p.withinMonths, 1, "within_months") ?? atLeast(p.reminderDays, 0, "reminder_days")
        }
    }
}
