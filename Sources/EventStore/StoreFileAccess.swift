import Foundation

/// Whether this process may write the store, and the name SQLite opens it by.
///
/// SQLite writes a WAL-mode store through two files beside it (`-wal`, `-shm`), so a store is
/// writable only when both the file and its folder are. A read-only store is opened read-only:
/// reading commands work and every write fails with one clear error. When the store was
/// closed cleanly (no `-wal` or `-shm` beside it: everything is checkpointed into the file) it
/// is opened as immutable, which needs neither: in a read-only folder SQLite could not create
/// them, and in a writable one it would leave them behind read-only, blocking the writes of
/// whoever later makes the store writable again.
struct StoreFileAccess {
    let isWritable: Bool
    /// The path, or a `file:` URI asking for an immutable read-only open.
    let sqlitePath: String

    init(path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let folderWritable = access(folder.isEmpty ? "." : folder, W_OK) == 0
        let fileExists = FileManager.default.fileExists(atPath: path)
        let sidecars = ["-wal", "-shm"].map { path + $0 }.filter { FileManager.default.fileExists(atPath: $0) }
        // A sidecar can vanish between the two looks (another process's last connection deletes
        // it on closing): gone counts as writable, or a busy store would be taken for read-only.
        isWritable = folderWritable && (!fileExists || access(path, W_OK) == 0)
            && sidecars.allSatisfy { access($0, W_OK) == 0 || errno == ENOENT }
        if !isWritable && fileExists && sidecars.isEmpty {
            sqlitePath = Self.immutableURI(path)
        } else {
            sqlitePath = path
        }
    }

    /// `file:` URI of `path` opened read-only and immutable (RFC 3986 escaping of the path).
    static func immutableURI(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let escaped = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
        return "file:" + escaped + "?mode=ro&immutable=1"
    }
}
