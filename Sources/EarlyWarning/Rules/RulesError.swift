import Bilingual

/// Why a rules file was refused: what, where (file, line, JSON path) and how to fix it.
public enum RulesError: UserFacingError, Equatable {
    case unreadable(file: String, reason: String)
    case invalid(file: String, line: Int?, path: String, problem: String)

    public var message: BilingualText {
        switch self {
        case .unreadable(let file, let reason):
            return BilingualText(
                zh: "无法读取规则文件 \(file)：\(reason)",
                en: "cannot read the rules file \(file): \(reason)")
        case .invalid(let file, let line, let path, let problem):
            let place = line.map { "\(file):\($0)" } ?? file
            return BilingualText(
                zh: "规则文件 \(place)（\(path.isEmpty ? "/" : path)）不符合 schemas/rules.schema.json：\(problem)；请改正后重试，或去掉 --rules 使用官方默认规则",
                en: "rules file \(place) (at \(path.isEmpty ? "/" : path)) does not match schemas/rules.schema.json: \(problem); correct it, or drop --rules to use the official defaults")
        }
    }
}
