import GRDB
import PartyBuilding
import Projections

/// What the rules read for one day, each fact loaded once and only if a rule in force needs it.
final class EvaluationContext {
    let day: CalendarDate
    let db: Database

    init(day: CalendarDate, db: Database) {
        self.day = day
        self.db = db
    }

    private var cachedMembers: [MemberStandingAsOf]?
    private var cachedPartyMembers: [MemberStandingAsOf]?
    private var cachedOrganisations: [String: OrganisationFacts]?
    private var cachedOrganisationsByKind: [OrganisationKind: [OrganisationFacts]] = [:]
    private var cachedCommittees: [String: CommitteeTerm]?

    /// Everyone on the roll that day.
    func members() throws -> [MemberStandingAsOf] {
        if let cachedMembers { return cachedMembers }
        let loaded = try AsOfQueries.members(asOf: day, in: db)
        cachedMembers = loaded
        return loaded
    }

    /// Probationary and full members that day.
    func partyMembers() throws -> [MemberStandingAsOf] {
        if let cachedPartyMembers { return cachedPartyMembers }
        let loaded = try members().filter(\.isPartyMember)
        cachedPartyMembers = loaded
        return loaded
    }

    /// Organisations created on or before the day, by id.
    func organisations() throws -> [String: OrganisationFacts] {
        if let cachedOrganisations { return cachedOrganisations }
        let loaded = Dictionary(uniqueKeysWithValues: try AsOfQueries.organisations(asOf: day, in: db).map { ($0.id, $0) })
        cachedOrganisations = loaded
        return loaded
    }

    /// The organisations of one kind created on or before the day, by id.
    func organisations(ofKind kind: OrganisationKind) throws -> [OrganisationFacts] {
        if let cached = cachedOrganisationsByKind[kind] { return cached }
        let loaded = try organisations().values.filter { $0.kind == kind }.sorted { $0.id < $1.id }
        cachedOrganisationsByKind[kind] = loaded
        return loaded
    }

    func committees() throws -> [String: CommitteeTerm] {
        if let cachedCommittees { return cachedCommittees }
        let loaded = try AsOfQueries.committees(asOf: day, in: db)
        cachedCommittees = loaded
        return loaded
    }

    /// An organisation's name for messages (its id when unknown).
    func name(ofOrganisation id: String) throws -> String {
        try organisations()[id]?.name ?? id
    }

    /// The month the day falls in: the period of warnings about standing conditions.
    var month: YearMonth { day.yearMonth }
}
