import Bilingual

/// Why the query tables cannot be brought up to date now.
public enum MaintenanceError: UserFacingError, Equatable {
    /// An archive import is appending to the store and builds the tables when it finishes.
    case bulkAppendInProgress(store: String)
    /// The tables are outdated and this user cannot write the store to rebuild them.
    case outdatedAndReadOnly(store: String)
    /// The lock file of a bulk append could not be made.
    case lockFile(path: String, detail: String)

    public var kind: FailureKind { .userError }

    public var message: BilingualText {
        switch self {
        case .bulkAppendInProgress(let store):
            return BilingualText(
                zh: "正在向 \(store) 导入归档：查询表在导入完成时生成；请在导入结束后再运行此命令",
                en: "an archive import into \(store) is running: its query tables are built when it finishes; run this command again then")
        case .outdatedAndReadOnly(let store):
            return BilingualText(
                zh: "\(store) 的查询表不是最新的（归档导入被中断，或新版本改变了它们），而当前用户不能写入该库以重建：请让能写入的用户运行 `dangjian rebuild --store \(store)`",
                en: "the query tables of \(store) are out of date (an archive import was interrupted, or a new version changed them) and this user cannot write the store to rebuild them: ask someone who can to run `dangjian rebuild --store \(store)`")
        case .lockFile(let path, let detail):
            return BilingualText(
                zh: "无法创建 \(path)（\(detail)）：请检查库所在目录是否可写",
                en: "cannot make \(path) (\(detail)): check that the store's folder is writable")
        }
    }
}
