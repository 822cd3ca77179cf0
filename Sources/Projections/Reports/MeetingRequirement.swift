import PartyBuilding

/// A meeting an organisation must hold: which type, how often, and who is judged.
public struct MeetingRequirement: Codable, Hashable, Sendable {
    public enum Judged: String, Codable, Hashable, Sendable {
        /// Every branch (党支部).
        case branches
        /// Every party group (党小组).
        case groups
    }

    public var type: MeetingType
    public var frequency: Frequency
    public var judged: Judged
    /// Required only in periods the branch had an elected committee throughout.
    public var needsCommittee: Bool

    public init(type: MeetingType, frequency: Frequency, judged: Judged = .branches, needsCommittee: Bool = false) {
        self.type = type
        self.frequency = frequency
        self.judged = judged
        self.needsCommittee = needsCommittee
    }

    /// The official defaults (DOMAIN.md, "The official rule table").
    public static let official: [MeetingRequirement] = [
        MeetingRequirement(type: .memberAssembly, frequency: .quarterly),
        MeetingRequirement(type: .committeeMeeting, frequency: .monthly, needsCommittee: true),
        MeetingRequirement(type: .groupMeeting, frequency: .monthly, judged: .groups),
        MeetingRequirement(type: .partyLecture, frequency: .quarterly),
        MeetingRequirement(type: .themeDay, frequency: .monthly),
        MeetingRequirement(type: .lifeMeeting, frequency: .yearly),
        MeetingRequirement(type: .memberReview, frequency: .yearly),
    ]
}
