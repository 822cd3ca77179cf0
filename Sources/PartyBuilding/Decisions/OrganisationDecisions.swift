extension Rules {
    func addOrganisation(_ c: AddOrganisation) throws -> [DomainEvent] {
        guard state.organisations[c.id] == nil else { throw DomainError.organisationExists(id: c.id) }
        try requireNotFuture(c.since)
        let parent = try c.parent.map(organisation)
        let allowed = c.kind.allowedParents
        if allowed.isEmpty ? parent != nil : !(parent.map { allowed.contains($0.kind) } ?? false) {
            throw DomainError.wrongParent(kind: c.kind, parent: c.parent, parentKind: parent?.kind)
        }
        if c.setting != nil && !c.kind.holdsMembers { throw DomainError.settingOnlyForBranches(id: c.id) }
        let setting = c.kind.holdsMembers ? c.setting ?? Self.defaultSetting(under: parent) : nil
        return [.organisationCreated(OrganisationCreated(
            id: c.id, name: c.name, kind: c.kind, parent: c.parent, setting: setting, since: c.since))]
    }

    /// A branch under a community committee is a community branch; under a general branch it
    /// shares that branch's setting; elsewhere it is `other`.
    static func defaultSetting(under parent: Organisation?) -> BranchSetting {
        guard let parent else { return .other }
        if parent.kind == .community { return .community }
        return parent.setting ?? .other
    }

    func electCommittee(_ c: ElectCommittee) throws -> [DomainEvent] {
        let branch = try branch(c.branch)
        try requireNotFuture(c.date)
        guard !c.members.isEmpty else { throw DomainError.missingField(name: "members") }
        try requireNoDuplicates(c.members)
        for id in c.members {
            let member = try member(id)
            guard let fullSince = member.fullSince, fullSince <= c.date, member.belongs(to: c.branch, on: c.date) else {
                throw DomainError.notFullMemberOfBranch(member: id, branch: c.branch, date: c.date)
            }
        }
        let years = c.termYears ?? (branch.setting ?? .other).defaultCommitteeTermYears
        return [.committeeElected(CommitteeElected(
            branch: c.branch, date: c.date, members: c.members, termYears: years, termEnds: c.date.adding(years: years)))]
    }
}
