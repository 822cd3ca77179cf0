import ArgumentParser
import Bilingual
import EventStore
import Foundation
import GRDB
import PartyBuilding

struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting",
        abstract: "三会一课 and other meetings: log, correct, retract, list. 会议",
        subcommands: [Log.self, Correct.self, Retract.self, MeetingListCommand.self])

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Log a meeting with its attendance; prints the meeting id. 登记会议",
            discussion: """
                Types: member-assembly 党员大会, committee-meeting 支委会, group-meeting 党小组会 (needs --group), \
                party-lecture 党课, theme-day 主题党日, life-meeting 组织生活会, member-review 民主评议党员. Everyone \
                listed must be on the branch's (group's) roll on that date, and listed once. A meeting more than \
                30 days old needs --late-reason.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var write: WriteOptions
        @OptionGroup var meeting: MeetingFieldOptions
        @Option(name: .customLong("late-reason"), help: "Why it is logged more than 30 days late. 补录原因") var lateReason: String?

        func validate() throws {
            for (name, value) in [("branch", meeting.branch), ("type", meeting.type), ("date", meeting.date),
                                  ("topic", meeting.topic), ("attendees", meeting.attendees)] where value == nil {
                throw ValidationError("Missing expected argument '--\(name)'")
            }
        }

        func run() throws {
            var values = meeting.values
            values["late-reason"] = lateReason
            let id = DomainWrite.newRecordID()
            try DomainWrite.perform(global, write) { _ in
                try CommandParsing.logMeeting(Fields(values, listSeparator: ","), meeting: id)
            }
            print(id)
        }
    }

    struct Correct: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct a meeting: the fields given replace the recorded ones; prints the event id. 更正会议",
            discussion: "The original record stays in the log; an empty value (--place \"\") clears an optional field. The meeting id may be shortened to a unique prefix of 8 or more characters.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var write: WriteOptions
        @Argument(help: "The meeting's id. 会议编号") var id: String
        @OptionGroup var meeting: MeetingFieldOptions
        @Option(help: "Why it is corrected. 更正原因") var reason: String

        func run() throws {
            var values = meeting.values
            values["reason"] = reason
            let recorded = try DomainWrite.perform(global, write) {
                try CommandParsing.correctMeeting(Fields(values, listSeparator: ","), meeting: try MeetingID.resolve(id, in: $0.store))
            }
            print(recorded.last?.eventID ?? "")
        }
    }

    struct Retract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Retract a meeting: it no longer counts; the record stays. Prints the event id. 撤销会议")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var write: WriteOptions
        @Argument(help: "The meeting's id. 会议编号") var id: String
        @Option(help: "Why it is retracted. 撤销原因") var reason: String

        func run() throws {
            let recorded = try DomainWrite.perform(global, write) {
                try CommandParsing.retractMeeting(Fields(["reason": reason], listSeparator: ","), meeting: try MeetingID.resolve(id, in: $0.store))
            }
            print(recorded.last?.eventID ?? "")
        }
    }
}

/// The fields of a meeting record, shared by `meeting log` and `meeting correct`.
struct MeetingFieldOptions: ParsableArguments {
    @Option(help: "The branch. 支部") var branch: String?
    @Option(help: "Meeting type. 会议类型") var type: String?
    @Option(help: "Date (YYYY-MM-DD). 日期") var date: String?
    @Option(help: "Topic. 主题") var topic: String?
    @Option(help: "Attendees: ID,ID,... 出席") var attendees: String?
    @Option(help: "The party group (group meetings). 党小组") var group: String?
    @Option(help: "Absentees: ID,ID,... 缺席") var absent: String?
    @Option(name: .customLong("on-leave"), help: "On approved leave: ID:REASON,... 请假") var onLeave: String?
    @Option(help: "Host (主持人). 主持人") var host: String?
    @Option(help: "Recorder (记录人). 记录人") var recorder: String?
    @Option(help: "Lecturer (党课). 授课人") var lecturer: String?
    @Option(help: "Place. 地点") var place: String?
    @Option(help: "Invited guests (列席). 列席人员") var guests: String?

    var values: [String: String?] {
        ["branch": branch, "type": type, "date": date, "topic": topic, "attendees": attendees, "group": group,
         "absent": absent, "on-leave": onLeave, "host": host, "recorder": recorder, "lecturer": lecturer,
         "place": place, "guests": guests]
    }
}

/// Meeting ids as people type them: in full, or a unique prefix of at least 8 characters.
enum MeetingID {
    /// The full id; text that is neither a full id nor a unique prefix is returned as given,
    /// so the rules report the meeting as unknown.
    static func resolve(_ text: String, in store: EventStore) throws -> String {
        let id = text.lowercased()
        guard UUID(uuidString: id) == nil, id.count >= 8 else { return id }
        // Prefixes are looked up in the meetings query table (kept in step with every append)
        // rather than by reading the log; ids are lower-case hex and '-', all below '~'.
        let matches = try store.snapshot { db in
            try String.fetchAll(db, sql: "SELECT meeting FROM meetings WHERE meeting >= ? AND meeting < ? LIMIT 2",
                                arguments: [id, id + "~"])
        }
        return matches.count == 1 ? matches[0] : id
    }
}

struct MeetingListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Meetings as now recorded (corrections applied), oldest first. 会议台账")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this branch. 只看此支部") var branch: String?
    @Option(help: "From this date. 起始日期") var from: String?
    @Option(help: "Up to this date. 截止日期") var to: String?
    @Option(help: "table, json or csv. 输出格式") var format: ListingFormat = .table

    func run() throws {
        let fields = Fields(["from": from, "to": to], listSeparator: ",")
        let (fromDate, toDate) = (try fields.optionalDate("from"), try fields.optionalDate("to"))
        let state = try DomainLog.load(from: try global.openStore())
        let language = global.language
        var listing = Listing(columns: [
            .init(key: "id", title: BilingualText(zh: "编号", en: "id")),
            .init(key: "date", title: BilingualText(zh: "日期", en: "date")),
            .init(key: "type", title: BilingualText(zh: "类型", en: "type")),
            .init(key: "branch", title: BilingualText(zh: "支部", en: "branch")),
            .init(key: "group", title: BilingualText(zh: "党小组", en: "group")),
            .init(key: "topic", title: BilingualText(zh: "主题", en: "topic")),
            .init(key: "attended", title: BilingualText(zh: "出席", en: "attended"), alignment: .right),
            .init(key: "absent", title: BilingualText(zh: "缺席", en: "absent"), alignment: .right),
            .init(key: "on_leave", title: BilingualText(zh: "请假", en: "on leave"), alignment: .right),
            .init(key: "corrections", title: BilingualText(zh: "更正次数", en: "corrections"), alignment: .right),
            .init(key: "retracted", title: BilingualText(zh: "已撤销", en: "retracted")),
        ])
        let meetings = state.meetings.values.filter { meeting in
            (branch == nil || meeting.record.branch == branch)
                && (fromDate.map { meeting.record.date >= $0 } ?? true) && (toDate.map { meeting.record.date <= $0 } ?? true)
        }.sorted { ($0.record.date, $0.id) < ($1.record.date, $1.id) }
        for meeting in meetings {
            let record = meeting.record
            listing.rows.append([
                "id": .string(format == .table ? String(meeting.id.prefix(8)) : meeting.id),
                "date": .string(record.date.description),
                "type": .string(format == .table ? record.type.label.text(in: language) : record.type.rawValue),
                "branch": .string(record.branch), "group": JSONValue(record.group), "topic": .string(record.topic),
                "attended": .integer(Int64(record.attendees.count)), "absent": .integer(Int64(record.absentees.count)),
                "on_leave": .integer(Int64(record.onLeave.count)), "corrections": .integer(Int64(meeting.corrections)),
                "retracted": .bool(meeting.isRetracted),
            ])
        }
        var output = OutputBuffer()
        output.writeLine(listing.render(format, language: language))
        output.flush()
    }
}
