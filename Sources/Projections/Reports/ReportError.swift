import Bilingual

/// What a report refuses.
public enum ReportError: UserFacingError, Equatable {
    case unknownOrganisation(String)
    case badPeriod(String)

    public var message: BilingualText {
        switch self {
        case .unknownOrganisation(let id):
            return BilingualText(
                zh: "没有编号为 \(id) 的组织：用 `dangjian report summary` 查看现有组织",
                en: "no organisation with id \(id): `dangjian report summary` lists the organisations")
        case .badPeriod(let text):
            return BilingualText(
                zh: "期间 '\(text)' 无效：请写成 2026-03（月）、2026-Q1（季度）或 2026（年）",
                en: "period '\(text)' is not valid: write 2026-03 (a month), 2026-Q1 (a quarter) or 2026 (a year)")
        }
    }
}
