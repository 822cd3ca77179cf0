import Bilingual

/// Everything the archive module refuses or finds wrong, in words an operator or auditor understands.
public enum ArchiveError: UserFacingError, Equatable {
    /// A check of an archive failed: what was checked, where, and what was found (exit code 3).
    case verificationFailed(file: String, problem: BilingualText)
    /// The request cannot be carried out as given (exit code 1).
    case refused(BilingualText)
    /// Reading or writing a file failed.
    case io(path: String, detail: String)

    public var kind: FailureKind {
        if case .verificationFailed = self { return .verificationFailed }
        return .userError
    }

    public var message: BilingualText {
        switch self {
        case .verificationFailed(let file, let problem):
            return BilingualText(
                zh: "归档 \(file) 校验失败：\(problem.zh)",
                en: "archive \(file) failed verification: \(problem.en)")
        case .refused(let text):
            return text
        case .io(let path, let detail):
            return BilingualText(
                zh: "无法读写 \(path)：\(detail)；请检查路径和权限",
                en: "cannot read or write \(path): \(detail); check the path and its permissions")
        }
    }
}

/// A failed check found while reading an archive, before the file name is known to the finder.
struct ArchiveProblem: Error {
    let text: BilingualText

    init(zh: String, en: String) {
        text = BilingualText(zh: zh, en: en)
    }

    /// The same problem, said to lie at `place` (an ``ArchivePlace``): where first, then what.
    func located(at place: BilingualText) -> ArchiveProblem {
        ArchiveProblem(zh: "\(place.zh)：\(text.zh)", en: "\(place.en): \(text.en)")
    }
}
