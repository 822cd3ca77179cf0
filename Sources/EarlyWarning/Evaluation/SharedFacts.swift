import Foundation
import GRDB
import PartyBuilding
import Projections

/// What several rules read for one day, each fact loaded once, only if a rule in force needs
/// it, by whichever worker asks first (the other waits for it rather than load it again).
///
/// Workers read on connections that see the same state of the log (see
/// `EventStore.parallelSnapshots`), so a fact loaded through either serves both.
final class SharedFacts: @unchecked Sendable {
    let day: CalendarDate

    init(day: CalendarDate) {
        self.day = day
    }

    private let members = LoadedOnce<[MemberStandingAsOf]>()
    private let memberLookup = LoadedOnce<IDLookup>()
    private let organisations = LoadedOnce<[String: OrganisationFacts]>()
    private let organisationsByKind = LoadedOnce<[OrganisationKind: [OrganisationFacts]]>()
    private let organisationLookups = LoadedOnce<[OrganisationKind: IDLookup]>()
    private let committees = LoadedOnce<[String: CommitteeTerm]>()

    /// Everyone on the roll that day, in no particular order.
    func members(_ db: Database) throws -> [MemberStandingAsOf] {
        // Any order: every rule's findings are sorted in the end.
        try members.value { try AsOfQueries.members(asOf: day, sortedByID: false, in: db) }
    }

    /// The ids of ``members(_:)``, numbered in that order, to find rows by.
    func memberLookup(_ db: Database) throws -> IDLookup {
        try memberLookup.value { IDLookup(try members(db).map(\.id)) }
    }

    /// Organisations created on or before the day, by id.
    func organisations(_ db: Database) throws -> [String: OrganisationFacts] {
        try organisations.value {
            Dictionary(uniqueKeysWithValues: try AsOfQueries.organisations(asOf: day, in: db).map { ($0.id, $0) })
        }
    }

    /// The organisations of one kind created on or before the day, by id.
    func organisations(ofKind kind: OrganisationKind, _ db: Database) throws -> [OrganisationFacts] {
        try byKind(db)[kind] ?? []
    }

    /// The ids of ``organisations(ofKind:_:)``, numbered in that order, to find rows by.
    func organisationLookup(ofKind kind: OrganisationKind, _ db: Database) throws -> IDLookup {
        try organisationLookups.value { try byKind(db).mapValues { IDLookup($0.map(\.id)) } }[kind] ?? IDLookup([])
    }

    private func byKind(_ db: Database) throws -> [OrganisationKind: [OrganisationFacts]] {
        try organisationsByKind.value {
            Dictionary(grouping: try organisations(db).values, by: \.kind).mapValues { $0.sorted { $0.id < $1.id } }
        }
    }

    /// Each branch's committee as of the day.
    func committees(_ db: Database) throws -> [String: CommitteeTerm] {
        try committees.value { try AsOfQueries.committees(asOf: day, in: db) }
    }
}

/// A value loaded at most once, by the first caller; callers meanwhile wait for it. A load
/// that throws leaves it unloaded (the evaluation fails as a whole anyway).
final class LoadedOnce<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var loaded: Value?

    func value(_ load: () throws -> Value) rethrows -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        let value = try load()
        loaded = value
        return value
    }
}
