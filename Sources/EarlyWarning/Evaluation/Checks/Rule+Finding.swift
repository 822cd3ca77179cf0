import Bilingual
import PartyBuilding

extension Rule {
    /// A finding of this rule, carrying its id and basis.
    func finding(
        _ severity: Severity, org: String, subject: String? = nil, period: String?, since: CalendarDate?,
        zh: String, en: String
    ) -> Finding {
        Finding(
            rule: id, severity: severity, org: org, subject: subject, period: period, since: since?.description,
            message: BilingualText(zh: zh, en: en), basis: basis.text)
    }
}
