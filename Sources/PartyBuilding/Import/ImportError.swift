import Bilingual

/// A problem found in one row of an imported file.
public struct RowProblem: Sendable, Equatable {
    public var line: Int
    public var message: BilingualText
}

/// Why an import wrote nothing.
public enum ImportError: UserFacingError, Equatable {
    case unreadable(file: String, reason: BilingualText)
    case badHeader(file: String, reason: BilingualText)
    case badRows(file: String, problems: [RowProblem])

    public var message: BilingualText {
        switch self {
        case .unreadable(let file, let reason):
            return BilingualText(zh: "无法读取 \(file)：\(reason.zh)", en: "cannot read \(file): \(reason.en)")
        case .badHeader(let file, let reason):
            return BilingualText(zh: "\(file) 第 1 行（表头）：\(reason.zh)", en: "\(file) line 1 (header): \(reason.en)")
        case .badRows(let file, let problems):
            let zhLines = problems.map { "\(file) 第 \($0.line) 行：\($0.message.zh)" }
            let enLines = problems.map { "\(file) line \($0.line): \($0.message.en)" }
            return BilingualText(
                zh: "\(problems.count) 行有误，未导入任何记录；请改正后重新导入：\n" + zhLines.joined(separator: "\n"),
                en: "\(problems.count) bad rows, nothing was imported; fix them and import again:\n" + enLines.joined(separator: "\n"))
        }
    }
}
