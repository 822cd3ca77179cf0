import PartyBuilding

/// The first day: the district's organisations, every branch's roll as it stood, the
/// committees last elected, and the deliberate imperfections of each street.
extension Engine {
    func setUp() throws {
        try addOrganisation(id: "gd", name: "官渡区委", kind: .district, parent: nil)
        var usedNames = Set<String>()
        for street in Words.streets.prefix(options.scale.streets) {
            let streetID = "gd-" + street.id
            streets.append((streetID, street.name + "街道"))
            try addOrganisation(id: streetID, name: street.name + "街道党工委", kind: .street, parent: "gd")
            var regular: [Int] = []
            for number in 1...options.scale.communitiesPerStreet {
                let name = communityName(avoiding: &usedNames)
                let id = streetID + "-c" + Self.padded(number, 2)
                communities.append(SimCommunity(id: id, name: name, street: streetID))
                try addOrganisation(id: id, name: name + "党委", kind: .community, parent: streetID)
                for _ in 1...options.scale.branchesPerCommunity {
                    regular.append(try addBranch(.regular, community: communities.count - 1))
                }
            }
            var shaped: [Int] = []
            for shape in [SimBranch.Shape.tooSmall, .tooLarge, .withoutCommittee] {
                let community = communities.count - options.scale.communitiesPerStreet + rng.int(0...(options.scale.communitiesPerStreet - 1))
                shaped.append(try addBranch(shape, community: community))
            }
            try plantShowcases(among: regular)
            for branch in regular + shaped { try electFirstCommittee(branch) }
        }
        for branch in branches.indices {
            for member in branches[branch].roster { planNextStep(member) }
        }
    }

    func addOrganisation(id: String, name: String, kind: OrganisationKind, parent: String?, setting: BranchSetting? = nil) throws {
        try record(CommandParsing.addOrganisation(Recorder.fields([
            "id": id, "name": name, "kind": kind.rawValue, "parent": parent, "setting": setting?.rawValue,
            "since": start.description,
        ]), today: start), on: start, by: Self.organisationDepartment)
    }

    /// A branch with its groups and its roll on the first day.
    private func addBranch(_ shape: SimBranch.Shape, community: Int) throws -> Int {
        let number = communities[community].branches.count + 1
        let kind = shape == .regular ? rng.pick(Words.branchKinds) : (name: "小区党支部", setting: "community")
        var branch = SimBranch(
            id: communities[community].id + "-b" + Self.padded(number, 2),
            name: communities[community].name + "第" + Self.chineseNumber(number) + kind.name,
            community: community, setting: BranchSetting(rawValue: kind.setting)!, shape: shape)
        branch.lax = shape == .regular && rng.chance(0.15)
        let (full, probationary, pipeline): (Int, Int, Int) = switch shape {
        case .regular: (rng.int(9...29), rng.int(0...2), rng.int(0...2))
        case .tooSmall: (2, 0, 1)
        case .tooLarge: (rng.int(52...56), 0, 0)
        case .withoutCommittee: (rng.int(8...10), 0, 0)
        }
        let committeeSize = switch shape {
        case .regular: full >= 15 ? 5 : 3
        case .tooLarge: 5
        case .tooSmall, .withoutCommittee: 0
        }
        let index = branches.count
        branchIndex[branch.id] = index
        communities[community].branches.append(index)
        branches.append(branch)
        try addOrganisation(id: branch.id, name: branch.name, kind: .branch, parent: communities[community].id, setting: branch.setting)
        let groupCount = shape == .tooLarge ? 4 : (full + probationary >= 22 ? 3 : (full + probationary >= 12 ? 2 : 0))
        for number in stride(from: 1, through: groupCount, by: 1) {
            let id = branch.id + "-g" + String(number)
            branches[index].groups.append(id)
            groups.append(id)
            try addOrganisation(id: id, name: "第" + Self.chineseNumber(number) + "党小组", kind: .group, parent: branch.id)
        }
        let settled = shape != .regular
        for position in 0..<full {
            let leader = position < max(committeeSize, 1)
            let role: MemberRole = position == 0 ? .secretary : (position == 1 && committeeSize == 5 ? .deputySecretary : (leader ? .committeeMember : .member))
            let joinedYear = leader ? rng.int(1980...(start.year - 6)) : rng.int(1975...(start.year - 1))
            let id = try addPerson(
                branch: index, group: group(of: index, position: position), status: .full,
                since: randomDay(in: YearMonth(year: joinedYear, month: rng.int(1...12))!, 1...28), role: role, on: start)
            if position < committeeSize { branches[index].leaders.append(id) }
            if position == 0 { branches[index].secretary = id }
            people[id]!.settled = settled || leader
            if !settled && !leader { giveRandomHabits(id) }
        }
        for position in 0..<probationary {
            try addPerson(branch: index, group: group(of: index, position: position), status: .probationary,
                          since: start.adding(days: -rng.int(10...350)), on: start)
        }
        for position in 0..<pipeline {
            let (status, daysAgo): (MemberStatus, Int) = switch rng.int(0...2) {
            case 0: (.applicant, rng.int(0...25))
            case 1: (.activist, rng.int(30...300))
            default: (.candidate, rng.int(10...60))
            }
            let id = try addPerson(branch: index, group: group(of: index, position: position), status: status,
                                   since: start.adding(days: -daysAgo), on: start)
            people[id]!.frozen = settled
            people[id]!.settled = settled
        }
        return index
    }

    private func group(of branch: Int, position: Int) -> String? {
        let groups = branches[branch].groups
        return groups.isEmpty ? nil : groups[position % groups.count]
    }

    /// A few ordinary members drift, fall behind with dues or study too little.
    private func giveRandomHabits(_ id: String) {
        if rng.chance(0.015) { driftAway(id, monthsAgo: rng.int(3...8)) }
        if rng.chance(0.015) { stopPaying(id, monthsAgo: rng.int(3...8)) }
        if rng.chance(0.02) { studyLittle(id) }
    }

    /// Takes part for the last time `monthsAgo + 1` months before the end month: a gap of `monthsAgo` whole months.
    func driftAway(_ id: String, monthsAgo: Int) {
        people[id]!.lastParticipation = YearMonth(index: end.yearMonth.index - monthsAgo - 1)
        people[id]!.settled = true
    }

    func stopPaying(_ id: String, monthsAgo: Int) {
        people[id]!.lastPaidMonth = YearMonth(index: end.yearMonth.index - monthsAgo - 1)
        people[id]!.quarterlyPayer = false
        people[id]!.settled = true
    }

    func studyLittle(_ id: String) {
        people[id]!.studiesLittle = [end.year - 1, end.year]
        people[id]!.settled = true
    }

    /// Adds someone to a branch's roll with `member add`, with the personal data a secretary keeps.
    @discardableResult
    func addPerson(
        branch: Int, group: String?, status: MemberStatus, since: CalendarDate, role: MemberRole? = nil, on day: CalendarDate
    ) throws -> String {
        let id = "m" + Self.padded(nextMemberNumber, 6)
        nextMemberNumber += 1
        let birthYear = min(since.year - rng.int(20...38), 2006)
        let idCard = rng.chance(0.4) ? idCardNumber(born: randomDay(in: YearMonth(year: birthYear, month: rng.int(1...12))!, 1...28)) : nil
        let phone = rng.chance(0.6) ? "1" + String(rng.int(3...9)) + Self.padded(rng.int(0...999_999_999), 9) : nil
        try record(CommandParsing.addMember(Recorder.fields([
            "id": id, "name": personName(), "branch": branches[branch].id, "group": group, "status": status.rawValue,
            "since": since.description, "role": role?.rawValue, "id-card": idCard, "phone": phone,
        ])), on: day, by: actor(of: branch))
        people[id] = SimPerson(
            id: id, monthlyDuesFen: Int64(rng.int(2...60)) * 50, quarterlyPayer: rng.chance(0.5), payDay: rng.int(1...20))
        branches[branch].roster.append(id)
        return id
    }

    /// The committee a branch elected before the records begin, and its next election.
    private func electFirstCommittee(_ branch: Int) throws {
        guard !branches[branch].leaders.isEmpty else { return }
        let date: CalendarDate
        if branches[branch].plannedElections.isEmpty {
            let years = branches[branch].termYears
            date = start.adding(days: rng.int(70...(years * 365))).adding(years: -years)
        } else {
            date = branches[branch].plannedElections.removeFirst()
        }
        try elect(branch, on: date, today: start)
    }

    func elect(_ branch: Int, on date: CalendarDate, today: CalendarDate) throws {
        try record(CommandParsing.electCommittee(Recorder.fields([
            "branch": branches[branch].id, "date": date.description, "members": branches[branch].leaders.joined(separator: ","),
        ])), on: today, by: actor(of: branch))
        if ledger.firstElection[branches[branch].id] == nil { ledger.firstElection[branches[branch].id] = date }
        guard let termEnds = recorder.state.organisations[branches[branch].id]?.committee?.termEnds else { return }
        if let planned = branches[branch].plannedElections.first {
            schedule(.election(branch: branch), on: planned)
            return
        }
        switch branches[branch].reelection {
        case .onTime: schedule(.election(branch: branch), on: termEnds.adding(days: -rng.int(15...60)))
        case .lastMinute: schedule(.election(branch: branch), on: termEnds.adding(days: -5))
        case .never: break
        }
    }

    // MARK: Names

    func personName() -> String {
        var name = String(rng.pick(Words.surnames)) + String(rng.pick(Words.givenCharacters))
        if rng.chance(0.7) { name.append(rng.pick(Words.givenCharacters)) }
        return name
    }

    private func communityName(avoiding used: inout Set<String>) -> String {
        while true {
            let name = String(rng.pick(Words.communityFirst)) + String(rng.pick(Words.communitySecond)) + "社区"
            if used.insert(name).inserted { return name }
        }
    }

    /// A resident ID number of Guandu District (530111) with a valid GB 11643 check digit.
    private func idCardNumber(born: CalendarDate) -> String {
        let body = "530111" + Self.padded(born.year, 4) + Self.padded(born.month, 2) + Self.padded(born.day, 2) + Self.padded(rng.int(0...999), 3)
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(body, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        return body + String(Array("10X98765432")[sum % 11])
    }

    static func padded(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// 1 → 一, 12 → 十二, 20 → 二十.
    static func chineseNumber(_ number: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard number >= 10 else { return digits[number] }
        return (number >= 20 ? digits[number / 10] : "") + "十" + digits[number % 10]
    }
}
