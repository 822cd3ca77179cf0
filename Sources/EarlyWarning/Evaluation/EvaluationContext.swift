import GRDB
import PartyBuilding
import Projections

/// What a rule reads for one day: its worker's connection, and the facts shared by all workers.
final class EvaluationContext {
    let day: CalendarDate
    let db: Database
    private let facts: SharedFacts

    init(facts: SharedFacts, db: Database) {
        self.day = facts.day
        self.db = db
        self.facts = facts
    }

    /// Everyone on the roll that day, in no particular order.
    func members() throws -> [MemberStandingAsOf] { try facts.members(db) }

    /// The ids of ``members()``, numbered in that order.
    func memberLookup() throws -> IDLookup { try facts.memberLookup(db) }

    /// Organisations created on or before the day, by id.
    func organisations() throws -> [String: OrganisationFacts] { try facts.organisations(db) }

    /// The organisations of one kind created on or before the day, by id.
    func organisations(ofKind kind: OrganisationKind) throws -> [OrganisationFacts] {
        try facts.organisations(ofKind: kind, db)
    }

    /// The ids of ``organisations(ofKind:)``, numbered in that order.
    func organisationLookup(ofKind kind: OrganisationKind) throws -> IDLookup {
        try facts.organisationLookup(ofKind: kind, db)
    }

    func committees() throws -> [String: CommitteeTerm] { try facts.committees(db) }

    /// An organisation's name for messages (its id when unknown).
    func name(ofOrganisation id: String) throws -> String {
        try organisations()[id]?.name ?? id
    }

    /// The month the day falls in: the period of warnings about standing conditions.
    var month: YearMonth { day.yearMonth }
}
