import Bilingual

/// Everything the event store refuses, in words a secretary or operator understands.
public enum EventStoreError: UserFacingError, Equatable {
    case storeNotFound(path: String)
    case notAStore(path: String, detail: String)
    case newerFormat(path: String, found: String)
    case versionConflict(streamID: String, expected: ExpectedVersion, actual: Int64)
    case eventIDReused(eventID: String, position: Int64)
    case invalidEvent(eventID: String, problem: String)
    case chainDoesNotContinue(position: Int64, problem: BilingualText)
    case database(detail: String)

    public var message: BilingualText {
        switch self {
        case .storeNotFound(let path):
            return BilingualText(
                zh: "找不到数据库 \(path)：请先运行 `dangjian init`，或用 --store 指定已有的数据库",
                en: "no store at \(path): run `dangjian init` first, or point --store at an existing store")
        case .notAStore(let path, let detail):
            return BilingualText(
                zh: "\(path) 不是 dangjian 数据库（\(detail)）：请检查 --store 路径",
                en: "\(path) is not a dangjian store (\(detail)): check the --store path")
        case .newerFormat(let path, let found):
            return BilingualText(
                zh: "\(path) 由更新版本的 dangjian 写入（格式 \(found)）：请升级 dangjian 后再打开",
                en: "\(path) was written by a newer dangjian (format \(found)): upgrade dangjian to open it")
        case .versionConflict(let stream, let expected, let actual):
            return BilingualText(
                zh: "版本冲突：\(stream) 当前为第 \(actual) 版，而命令基于\(expected.zhDescription)；别人刚刚修改过，请重新读取后再试",
                en: "version conflict: \(stream) is at version \(actual) but the command expected \(expected.enDescription); someone else wrote first, reload and try again")
        case .eventIDReused(let eventID, let position):
            return BilingualText(
                zh: "事件编号 \(eventID) 已在位置 \(position) 使用，且内容不同：请为新事件使用新的编号",
                en: "event id \(eventID) is already used at position \(position) with different content: give the new event a new id")
        case .invalidEvent(let eventID, let problem):
            return BilingualText(
                zh: "事件 \(eventID) 无效：\(problem)",
                en: "event \(eventID) is invalid: \(problem)")
        case .chainDoesNotContinue(let position, let problem):
            return BilingualText(
                zh: "位置 \(position) 的事件不能接续本库的哈希链：\(problem.zh)",
                en: "the event at position \(position) does not continue this store's chain: \(problem.en)")
        case .database(let detail):
            return BilingualText(
                zh: "数据库错误：\(detail)",
                en: "database error: \(detail)")
        }
    }
}

extension ExpectedVersion {
    var enDescription: String {
        switch self {
        case .any: return "any version"
        case .noStream: return "a new stream"
        case .exactly(let version): return "version \(version)"
        }
    }

    var zhDescription: String {
        switch self {
        case .any: return "任意版本"
        case .noStream: return "新建"
        case .exactly(let version): return "第 \(version) 版"
        }
    }
}
