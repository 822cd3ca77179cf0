import EventStore
import Foundation

/// Turns domain events into store envelopes and back.
public enum EventCoding {
    /// The payload's schema version: 1, except personal data, sealed since schema 2.
    public static func schemaVersion(of event: DomainEvent) -> Int {
        if case .memberPersonalDataRecorded = event { return 2 }
        return 1
    }

    public static func newEvent(_ event: DomainEvent, id: String, metadata: EventMetadata) throws -> NewEvent {
        NewEvent(
            eventID: id, type: event.typeName, schemaVersion: schemaVersion(of: event),
            businessTime: event.businessDate.description, payload: try payload(of: event), metadata: metadata)
    }

    public static func payload(of event: DomainEvent) throws -> JSONValue {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data: Data
        switch event {
        case .organisationCreated(let e): data = try encoder.encode(e)
        case .committeeElected(let e): data = try encoder.encode(e)
        case .memberAdded(let e): data = try encoder.encode(e)
        case .memberPersonalDataRecorded(let e): data = try encoder.encode(e)
        case .memberPersonalDataErased(let e): data = try encoder.encode(e)
        case .memberPersonalDataViewed(let e): data = try encoder.encode(e)
        case .memberPromoted(let e): data = try encoder.encode(e)
        case .probationExtended(let e): data = try encoder.encode(e)
        case .probationCancelled(let e): data = try encoder.encode(e)
        case .memberTransferred(let e): data = try encoder.encode(e)
        case .memberLeft(let e): data = try encoder.encode(e)
        case .memberRoleChanged(let e): data = try encoder.encode(e)
        case .memberTalked(let e): data = try encoder.encode(e)
        case .meetingLogged(let e): data = try encoder.encode(e)
        case .meetingCorrected(let e): data = try encoder.encode(e)
        case .meetingRetracted(let e): data = try encoder.encode(e)
        case .studyLogged(let e): data = try encoder.encode(e)
        case .duesPaid(let e): data = try encoder.encode(e)
        }
        return try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// The domain event an envelope holds; nil for event types other modules write.
    public static func domainEvent(from recorded: RecordedEvent) throws -> DomainEvent? {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try recorded.decodePayload(as: type, using: decoder)
        }
        switch recorded.type {
        case "organisation.created": return .organisationCreated(try decode(OrganisationCreated.self))
        case "committee.elected": return .committeeElected(try decode(CommitteeElected.self))
        case "member.added": return .memberAdded(try decode(MemberAdded.self))
        case "member.personal-data-recorded":
            // Schema 1 held the fields in plain text: decoded without them, never shown.
            return .memberPersonalDataRecorded(try decode(MemberPersonalDataRecorded.self))
        case "member.personal-data-erased": return .memberPersonalDataErased(try decode(MemberPersonalDataErased.self))
        case "member.personal-data-viewed": return .memberPersonalDataViewed(try decode(MemberPersonalDataViewed.self))
        case "member.promoted": return .memberPromoted(try decode(MemberPromoted.self))
        case "member.probation-extended": return .probationExtended(try decode(ProbationExtended.self))
        case "member.probation-cancelled": return .probationCancelled(try decode(ProbationCancelled.self))
        case "member.transferred": return .memberTransferred(try decode(MemberTransferred.self))
        case "member.left": return .memberLeft(try decode(MemberLeft.self))
        case "member.role-changed": return .memberRoleChanged(try decode(MemberRoleChanged.self))
        case "member.talked": return .memberTalked(try decode(MemberTalked.self))
        case "meeting.logged": return .meetingLogged(try decode(MeetingLogged.self))
        case "meeting.corrected": return .meetingCorrected(try decode(MeetingCorrected.self))
        case "meeting.retracted": return .meetingRetracted(try decode(MeetingRetracted.self))
        case "study.logged": return .studyLogged(try decode(StudyLogged.self))
        case "dues.paid": return .duesPaid(try decode(DuesPaid.self))
        default: return nil
        }
    }
}
