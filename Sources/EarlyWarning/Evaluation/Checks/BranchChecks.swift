import PartyBuilding
import Projections

/// DOMAIN.md, "branch structure": enough full members to exist, a committee once large
/// enough, a committee of the right size, not too many members. One finding per branch,
/// naming every condition it breaks; red when it has too few full members.
struct BranchStructureCheck {
    let rule: Rule
    let parameters: Rule.BranchStructure

    func findings(_ context: EvaluationContext) throws -> [Finding] {
        var full: [String: Int] = [:]
        var all: [String: Int] = [:]
        for member in try context.members() where member.isPartyMember {
            all[member.branch, default: 0] += 1
            if member.status == .full { full[member.branch, default: 0] += 1 }
        }
        let committees = try context.committees()
        let branches = try context.organisations(ofKind: .branch)
        return branches.compactMap { branch in
            let fullCount = full[branch.id] ?? 0
            let memberCount = all[branch.id] ?? 0
            var problems: [(zh: String, en: String)] = []
            let tooFew = fullCount < parameters.minimumFullMembers
            if tooFew {
                problems.append(("正式党员 \(fullCount) 名，少于 \(parameters.minimumFullMembers) 名", "\(fullCount) full members, fewer than \(parameters.minimumFullMembers)"))
            }
            let committee = committees[branch.id]
            if fullCount >= parameters.committeeFromFullMembers && committee == nil {
                problems.append(("正式党员 \(fullCount) 名，应设支部委员会但尚未选举", "\(fullCount) full members but no elected committee"))
            }
            if let committee, !(parameters.committeeMinimum...parameters.committeeMaximum).contains(committee.size) {
                problems.append(("支委会 \(committee.size) 人，应为 \(parameters.committeeMinimum) 至 \(parameters.committeeMaximum) 人",
                                 "a committee of \(committee.size), not \(parameters.committeeMinimum) to \(parameters.committeeMaximum)"))
            }
            if memberCount > parameters.maximumMembers {
                problems.append(("党员 \(memberCount) 名，超过 \(parameters.maximumMembers) 名", "\(memberCount) members, more than \(parameters.maximumMembers)"))
            }
            guard !problems.isEmpty else { return nil }
            return rule.finding(
                tooFew ? .red : .yellow, org: branch.id, period: context.month.description, since: nil,
                zh: "\(branch.name)：" + problems.map(\.zh).joined(separator: "；"),
                en: "\(branch.name): " + problems.map(\.en).joined(separator: "; "))
        }
    }
}

/// 发展党员工作细则 第十三条: an activist becomes a candidate after at least a year. Promotions
/// within the look-back window that came sooner (only possible with a recorded override)
/// are shown yellow, once each.
struct ActivistDurationCheck {
    let rule: Rule
    let parameters: Rule.ActivistDuration

    func findings(_ context: EvaluationContext) throws -> [Finding] {
        let promotions = try AsOfQueries.candidatePromotions(
            from: context.day.adding(days: -parameters.lookBackDays), to: context.day, in: context.db)
        let promoted = Set(promotions.map(\.member))
        let members = Dictionary(uniqueKeysWithValues: try context.members().filter { promoted.contains($0.id) }.map { ($0.id, $0) })
        return promotions.compactMap { promotion in
            guard promotion.activistSince.adding(months: parameters.minimumMonths) > promotion.promotedOn,
                  let member = members[promotion.member] else { return nil }
            let months = promotion.promotedOn.yearMonth.index - promotion.activistSince.yearMonth.index
            return rule.finding(
                .yellow, org: member.branch, subject: member.id, period: promotion.promotedOn.yearMonth.description,
                since: promotion.promotedOn,
                zh: "\(member.name) 于 \(promotion.activistSince) 列为入党积极分子，\(promotion.promotedOn) 即列为发展对象（约 \(months) 个月，应满 \(parameters.minimumMonths) 个月）",
                en: "\(member.name) became an activist on \(promotion.activistSince) and a candidate on \(promotion.promotedOn), about \(months) months (at least \(parameters.minimumMonths) required)")
        }
    }
}
