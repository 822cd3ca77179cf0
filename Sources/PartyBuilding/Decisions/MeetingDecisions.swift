extension Rules {
    func logMeeting(_ c: LogMeeting) throws -> [DomainEvent] {
        guard state.meetings[c.meeting] == nil else { throw DomainError.meetingExists(id: c.meeting) }
        try validate(c.record)
        let daysLate = c.record.date.days(until: today)
        if daysLate > Self.lateLoggingDays && c.lateReason == nil {
            throw DomainError.lateWithoutReason(date: c.record.date, daysLate: daysLate)
        }
        return [.meetingLogged(MeetingLogged(meeting: c.meeting, record: c.record, lateReason: c.lateReason))]
    }

    func correctMeeting(_ c: CorrectMeeting) throws -> [DomainEvent] {
        let meeting = try openMeeting(c.meeting)
        let record = c.changes.applied(to: meeting.record)
        guard record != meeting.record else { throw DomainError.nothingToCorrect(id: c.meeting) }
        try validate(record, correcting: meeting.record)
        return [.meetingCorrected(MeetingCorrected(meeting: c.meeting, record: record, reason: c.reason))]
    }

    func retractMeeting(_ c: RetractMeeting) throws -> [DomainEvent] {
        let record = try openMeeting(c.meeting).record
        return [.meetingRetracted(MeetingRetracted(
            meeting: c.meeting, branch: record.branch, group: record.group, type: record.type, date: record.date,
            reason: c.reason))]
    }

    private func openMeeting(_ id: String) throws -> Meeting {
        guard let meeting = state.meetings[id] else { throw DomainError.unknownMeeting(id: id) }
        guard !meeting.isRetracted else { throw DomainError.meetingRetracted(id: id) }
        return meeting
    }

    /// The rules every version of a meeting record obeys, whether logged or corrected.
    ///
    /// A correction that keeps the branch, group and date does not re-check the people the
    /// original record already listed: they were checked against the roll when it was logged,
    /// and a transfer recorded since (even on the meeting's own day) must not make a
    /// correction of the topic impossible.
    private func validate(_ record: MeetingRecord, correcting original: MeetingRecord? = nil) throws {
        _ = try branch(record.branch)
        if record.type == .groupMeeting {
            guard let group = record.group else { throw DomainError.groupRequired }
            try requireGroup(group, of: record.branch)
        } else if record.group != nil {
            throw DomainError.groupOnlyForGroupMeetings
        }
        if record.lecturer != nil && record.type != .partyLecture { throw DomainError.lecturerOnlyForLectures }
        try requireNotFuture(record.date)
        guard !record.attendees.isEmpty else { throw DomainError.missingField(name: "attendees") }
        try requireNoDuplicates(record.listedMembers)
        let sameSetting = original.map { ($0.branch, $0.group, $0.date) == (record.branch, record.group, record.date) } ?? false
        let checked = sameSetting ? Set(original!.listedMembers + [original!.host, original!.recorder].compactMap { $0 }) : []
        for id in record.listedMembers where !checked.contains(id) {
            try requireMember(id, of: record.branch, group: record.group, on: record.date)
        }
        for id in [record.host, record.recorder].compactMap({ $0 }) where !checked.contains(id) {
            try requireMember(id, of: record.branch, group: nil, on: record.date)
        }
        if let lecturer = record.lecturer { _ = try member(lecturer) }
    }

    private func requireMember(_ id: String, of branch: String, group: String?, on date: CalendarDate) throws {
        guard try member(id).belongs(to: branch, group: group, on: date) else {
            throw DomainError.notInBranch(member: id, branch: branch, group: group, date: date)
        }
    }
}
