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
    case damaged(path: String, detail: String)
    case damagedRecord(position: Int64?)
    case readOnly(path: String)
    case readOnlyNeedsUpgrade(path: String)
    case cannotOpen(path: String, detail: String)
    case backupExists(path: String)
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
        case .damaged(let path, let detail):
            return BilingualText(
                zh: "\(path) 已损坏（\(detail)）：dangjian 不会自行修复；请用 `dangjian backup` 的备份或审计归档恢复",
                en: "\(path) is damaged (\(detail)): dangjian does not repair stores; restore it from a `dangjian backup` copy or an audit archive")
        case .damagedRecord(let position):
            let place = position.map { "位置 \($0) 的事件" } ?? "一条事件"
            let placeEn = position.map { "the event at position \($0)" } ?? "an event"
            return BilingualText(
                zh: "\(place)有字段类型不对或为空：数据库在 dangjian 之外被改动过；请运行 `dangjian verify`，并从备份恢复",
                en: "\(placeEn) has a field of the wrong type or an empty one: the store was altered outside dangjian; run `dangjian verify` and restore from a backup")
        case .readOnly(let path):
            return BilingualText(
                zh: "\(path) 是只读的（文件、所在目录或其 -wal/-shm 文件不可写）：只读命令可用；如需写入，请让它们可写",
                en: "\(path) is read-only (the file, its folder or its -wal/-shm files are not writable): reading commands work; to record, make them writable")
        case .readOnlyNeedsUpgrade(let path):
            return BilingualText(
                zh: "\(path) 由旧版 dangjian 写入且是只读的：请让该文件及其目录可写，运行一次任意命令完成升级",
                en: "\(path) was written by an older dangjian and is read-only: make the file and its folder writable once so any command can upgrade it")
        case .cannotOpen(let path, let detail):
            return BilingualText(
                zh: "无法打开 \(path)（\(detail)）：请检查文件及其目录是否存在、当前用户能否读取",
                en: "cannot open \(path) (\(detail)): check that the file and its folder exist and that you may read them")
        case .backupExists(let path):
            return BilingualText(
                zh: "\(path) 已存在：备份不会覆盖已有文件；请换一个 --out 路径，或加 --force 覆盖",
                en: "\(path) exists already: a backup never replaces a file unasked; choose another --out, or add --force to replace it")
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
