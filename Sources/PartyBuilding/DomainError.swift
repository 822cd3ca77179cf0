import Bilingual

/// Every refusal of the party-building rules, worded for a branch secretary: what is wrong
/// and how to put it right.
public enum DomainError: UserFacingError, Equatable {
    case missingField(name: String)
    case invalidField(name: String, value: String, expected: BilingualText)
    case organisationExists(id: String)
    case unknownOrganisation(id: String)
    case wrongParent(kind: OrganisationKind, parent: String?, parentKind: OrganisationKind?)
    case settingOnlyForBranches(id: String)
    case notABranch(id: String)
    case groupNotInBranch(group: String, branch: String)
    case memberExists(id: String)
    case unknownMember(id: String)
    case notNextStep(member: String, from: MemberStatus, to: MemberStatus)
    case activistYearNotComplete(member: String, activistSince: CalendarDate, earliest: CalendarDate)
    case memberHasLeft(member: String)
    case dateBeforeLastChange(member: String, date: CalendarDate, lastChange: CalendarDate)
    case notProbationary(member: String, status: MemberStatus)
    case probationAlreadyExtended(member: String)
    case conversionBeforeProbationEnds(member: String, probationEnds: CalendarDate)
    case alreadyInBranch(member: String, branch: String)
    case roleNeedsFullMember(member: String, role: MemberRole)
    case notFullMemberOfBranch(member: String, branch: String, date: CalendarDate)
    case futureDate(date: CalendarDate, today: CalendarDate)
    case lateWithoutReason(date: CalendarDate, daysLate: Int)
    case notInBranch(member: String, branch: String, group: String?, date: CalendarDate)
    case notOnRoll(member: String, date: CalendarDate)
    case listedTwice(member: String)
    case groupRequired
    case groupOnlyForGroupMeetings
    case lecturerOnlyForLectures
    case unknownMeeting(id: String)
    case meetingRetracted(id: String)
    case meetingExists(id: String)
    case nothingToCorrect(id: String)
    case duesMonthsReversed(from: YearMonth, to: YearMonth)
    case duesBeforeJoining(member: String, month: YearMonth, joined: CalendarDate)
    case duesAlreadyPaid(member: String, month: YearMonth)
    case notAPartyMember(member: String, date: CalendarDate)
    case notAnApplicant(member: String, date: CalendarDate)
    case talkBeforeApplication(member: String, date: CalendarDate, appliedOn: CalendarDate)
    case recordExists(id: String)
    case noPersonalDataToErase(member: String, erasedOn: CalendarDate?)

    public var message: BilingualText {
        switch self {
        case .missingField(let name):
            return BilingualText(zh: "缺少 --\(name)：请填写", en: "--\(name) is missing: give it")
        case .invalidField(let name, let value, let expected):
            return BilingualText(
                zh: "--\(name) 的值“\(value)”无效：应为\(expected.zh)",
                en: "--\(name) '\(value)' is not valid: expected \(expected.en)")
        case .organisationExists(let id):
            return BilingualText(zh: "组织 \(id) 已存在：请换一个编号", en: "organisation \(id) exists already: choose another id")
        case .unknownOrganisation(let id):
            return BilingualText(
                zh: "没有编号为 \(id) 的组织：请先用 `dangjian org add` 建立，或检查编号",
                en: "no organisation \(id): add it first with `dangjian org add`, or check the id")
        case .wrongParent(let kind, let parent, let parentKind):
            let allowed = kind.allowedParents
            let zhAllowed = allowed.map(\.label.zh).joined(separator: "、")
            let enAllowed = allowed.map(\.rawValue).joined(separator: ", ")
            if allowed.isEmpty {
                return BilingualText(zh: "\(kind.label.zh)是树的根，不能有 --parent", en: "a \(kind.rawValue) is the root of the tree and takes no --parent")
            }
            guard let parent, let parentKind else {
                return BilingualText(zh: "\(kind.label.zh)需要 --parent（\(zhAllowed)）", en: "a \(kind.rawValue) needs --parent (a \(enAllowed))")
            }
            return BilingualText(
                zh: "\(kind.label.zh)不能挂在\(parentKind.label.zh) \(parent) 下：上级应为\(zhAllowed)",
                en: "a \(kind.rawValue) cannot sit under the \(parentKind.rawValue) \(parent): its parent must be a \(enAllowed)")
        case .settingOnlyForBranches(let id):
            return BilingualText(
                zh: "\(id) 不是支部或总支，不能设置 --setting",
                en: "\(id) is not a branch or general branch: --setting applies only to those")
        case .notABranch(let id):
            return BilingualText(
                zh: "\(id) 不是党支部或党总支：党员、换届只能记在支部或总支",
                en: "\(id) is not a branch or general branch: members and committees belong to those")
        case .groupNotInBranch(let group, let branch):
            return BilingualText(
                zh: "党小组 \(group) 不属于支部 \(branch)：请检查 --group",
                en: "party group \(group) does not belong to branch \(branch): check --group")
        case .memberExists(let id):
            return BilingualText(zh: "人员 \(id) 已存在：请换一个编号", en: "member \(id) exists already: choose another id")
        case .unknownMember(let id):
            return BilingualText(
                zh: "没有编号为 \(id) 的人员：请先用 `dangjian member add` 登记，或检查编号",
                en: "no member \(id): add them first with `dangjian member add`, or check the id")
        case .notNextStep(let member, let from, let to):
            let next = from.next
            return BilingualText(
                zh: "\(member) 现为\(from.label.zh)，不能直接转为\(to.label.zh)" + (next.map { "：下一步是 \($0.rawValue)" } ?? "：已无下一步"),
                en: "\(member) is \(from.rawValue) and cannot become \(to.rawValue)" + (next.map { ": the next step is \($0.rawValue)" } ?? ": there is no next step"))
        case .activistYearNotComplete(let member, let since, let earliest):
            return BilingualText(
                zh: "\(member) 自 \(since) 起为入党积极分子，未满一年：最早 \(earliest) 可列为发展对象，或用 --override 说明理由",
                en: "\(member) has been an activist since \(since), less than a year: candidate from \(earliest) at the earliest, or give --override REASON")
        case .memberHasLeft(let member):
            return BilingualText(zh: "\(member) 已离开，不能再作变更", en: "\(member) has left: no further changes can be recorded")
        case .dateBeforeLastChange(let member, let date, let last):
            return BilingualText(
                zh: "日期 \(date) 早于 \(member) 最近一次变更（\(last)）：请检查 --date",
                en: "date \(date) is before \(member)'s latest change (\(last)): check --date")
        case .notProbationary(let member, let status):
            return BilingualText(
                zh: "\(member) 现为\(status.label.zh)，不是预备党员",
                en: "\(member) is \(status.rawValue), not a probationary member")
        case .probationAlreadyExtended(let member):
            return BilingualText(
                zh: "\(member) 的预备期已延长过一次：只能延长一次，请办理转正或取消资格",
                en: "\(member)'s probation was extended once already: it can be extended only once; convert or cancel instead")
        case .conversionBeforeProbationEnds(let member, let ends):
            return BilingualText(
                zh: "\(member) 的预备期到 \(ends) 才满：转正日期不能早于此日",
                en: "\(member)'s probation ends on \(ends): conversion cannot be dated earlier")
        case .alreadyInBranch(let member, let branch):
            return BilingualText(zh: "\(member) 已在支部 \(branch)", en: "\(member) is in branch \(branch) already")
        case .roleNeedsFullMember(let member, let role):
            return BilingualText(
                zh: "\(member) 不是正式党员，不能担任\(role.label.zh)",
                en: "\(member) is not a full member and cannot be \(role.rawValue)")
        case .notFullMemberOfBranch(let member, let branch, let date):
            return BilingualText(
                zh: "\(member) 在 \(date) 不是支部 \(branch) 的正式党员：支委须为本支部正式党员",
                en: "\(member) was not a full member of branch \(branch) on \(date): committee members must be")
        case .futureDate(let date, let today):
            return BilingualText(
                zh: "日期 \(date) 晚于今天（\(today)）：不能登记未来的事",
                en: "date \(date) is after today (\(today)): the future cannot be recorded")
        case .lateWithoutReason(let date, let days):
            return BilingualText(
                zh: "会议日期 \(date) 已过去 \(days) 天（超过 30 天）：请用 --late-reason 说明补录原因",
                en: "the meeting of \(date) was \(days) days ago (more than 30): give --late-reason to say why it is logged late")
        case .notInBranch(let member, let branch, let group, let date):
            let zhPlace = group.map { "支部 \(branch) 的党小组 \($0)" } ?? "支部 \(branch)"
            let enPlace = group.map { "party group \($0) of branch \(branch)" } ?? "branch \(branch)"
            return BilingualText(
                zh: "\(member) 在 \(date) 不属于\(zhPlace)：请检查名单或日期",
                en: "\(member) was not in \(enPlace) on \(date): check the list or the date")
        case .notOnRoll(let member, let date):
            return BilingualText(zh: "\(member) 在 \(date) 不在任何支部名册上", en: "\(member) was on no branch's roll on \(date)")
        case .listedTwice(let member):
            return BilingualText(
                zh: "\(member) 在名单中出现了不止一次：每人只能列一次（出席、缺席或请假）",
                en: "\(member) is listed more than once: list each person once (attending, absent or on leave)")
        case .groupRequired:
            return BilingualText(zh: "党小组会需要 --group", en: "a group meeting needs --group")
        case .groupOnlyForGroupMeetings:
            return BilingualText(zh: "只有党小组会可以指定 --group", en: "--group applies to group meetings only")
        case .lecturerOnlyForLectures:
            return BilingualText(zh: "只有党课可以指定 --lecturer", en: "--lecturer applies to party lectures only")
        case .unknownMeeting(let id):
            return BilingualText(
                zh: "没有编号为 \(id) 的会议：请用 `dangjian meeting list` 查找编号",
                en: "no meeting \(id): find its id with `dangjian meeting list`")
        case .meetingRetracted(let id):
            return BilingualText(zh: "会议 \(id) 已撤销，不能再更正或撤销", en: "meeting \(id) was retracted: it cannot be corrected or retracted again")
        case .meetingExists(let id):
            return BilingualText(zh: "会议 \(id) 已存在", en: "meeting \(id) exists already")
        case .nothingToCorrect(let id):
            return BilingualText(
                zh: "更正与会议 \(id) 现有记录相同：请给出要改的字段",
                en: "the correction changes nothing in meeting \(id): give the fields to change")
        case .duesMonthsReversed(let from, let to):
            return BilingualText(zh: "--to \(to) 早于 --from \(from)", en: "--to \(to) is before --from \(from)")
        case .duesBeforeJoining(let member, let month, let joined):
            return BilingualText(
                zh: "\(member) 于 \(joined) 入党，不能为 \(month) 交纳党费",
                en: "\(member) joined on \(joined): no dues are owed for \(month)")
        case .duesAlreadyPaid(let member, let month):
            return BilingualText(
                zh: "\(member) 的 \(month) 党费已经交过：请检查月份",
                en: "\(member) has paid the dues for \(month) already: check the months")
        case .notAPartyMember(let member, let date):
            return BilingualText(
                zh: "\(member) 在 \(date) 不是预备党员或正式党员",
                en: "\(member) was not a probationary or full member on \(date)")
        case .notAnApplicant(let member, let date):
            return BilingualText(
                zh: "\(member) 在 \(date) 不是入党申请人：谈话只记录给申请期间的人员，请检查编号或 --date",
                en: "\(member) was not an applicant on \(date): talks are recorded for applicants only; check the id or --date")
        case .talkBeforeApplication(let member, let date, let appliedOn):
            return BilingualText(
                zh: "谈话日期 \(date) 早于 \(member) 提出入党申请的日期（\(appliedOn)）：请检查 --date",
                en: "the talk on \(date) is before \(member) applied (\(appliedOn)): check --date")
        case .noPersonalDataToErase(let member, let erasedOn):
            if let erasedOn {
                return BilingualText(
                    zh: "\(member) 的个人信息已于 \(erasedOn) 删除，此后没有新的个人信息",
                    en: "\(member)'s personal data was erased on \(erasedOn) and none has been recorded since")
            }
            return BilingualText(
                zh: "\(member) 没有可删除的（已加密的）个人信息：请检查人员编号",
                en: "\(member) has no (sealed) personal data to erase: check the member's id")
        case .recordExists(let id):
            return BilingualText(zh: "记录 \(id) 已存在", en: "record \(id) exists already")
        }
    }
}
