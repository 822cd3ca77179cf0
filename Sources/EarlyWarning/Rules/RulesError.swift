import Bilingual

/// Why a rules file was refused: what, where (file, line and column, JSON path) and how to fix it.
public enum RulesError: UserFacingError, Equatable {
    case unreadable(file: String, reason: String)
    /// `column` counts characters from 1.
    case invalid(file: String, line: Int, column: Int, path: String, problem: BilingualText)

    public var message: BilingualText {
        switch self {
        case .unreadable(let file, let reason):
            return BilingualText(
                zh: "无法读取规则文件 \(file)：\(reason)",
                en: "cannot read the rules file \(file): \(reason)")
        case .invalid(let file, let line, let column, let path, let problem):
            let place = "\(file):\(line):\(column)"
            return BilingualText(
                zh: "规则文件 \(place)（\(path.isEmpty ? "/" : path)）不符合 schemas/rules.schema.json：\(problem.zh)；请改正后重试，或去掉 --rules 使用官方默认规则",
                en: "rules file \(place) (at \(path.isEmpty ? "/" : path)) does not match schemas/rules.schema.json: \(problem.en); correct it, or drop --rules to use the official defaults")
        }
    }
}
