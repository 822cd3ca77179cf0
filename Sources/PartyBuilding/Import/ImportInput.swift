import Bilingual
import Foundation

/// Where the bytes of an imported file come from, a chunk at a time.
public protocol ImportInput: AnyObject {
    /// The next bytes, at most `count`; empty at the end.
    func read(upTo count: Int) throws -> [UInt8]
    /// Back to the first byte, to read the file again as GB18030.
    func rewind() throws
}

/// A file on disk.
public final class FileInput: ImportInput {
    private let handle: FileHandle
    private let file: String

    public init(path: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw ImportError.unreadable(file: path, reason: BilingualText(zh: "这是文件夹：请给出其中的 CSV 文件", en: "it is a folder: give the CSV file in it"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportError.unreadable(file: path, reason: BilingualText(
                zh: "文件不存在或无权读取", en: "the file does not exist or cannot be read"))
        }
        self.handle = handle
        file = path
    }

    deinit {
        try? handle.close()
    }

    public func read(upTo count: Int) throws -> [UInt8] {
        do {
            return [UInt8](try handle.read(upToCount: count) ?? Data())
        } catch {
            // A disk error.
            let reason = (error as NSError).localizedDescription
            throw ImportError.unreadable(file: file, reason: BilingualText(zh: reason, en: reason))
        }
    }

    public func rewind() throws {
        try handle.seek(toOffset: 0)
    }
}

/// Bytes already in memory: a file's content in the tests and the fuzzing harness.
public final class BytesInput: ImportInput {
    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public func read(upTo count: Int) throws -> [UInt8] {
        let end = min(bytes.count, offset + count)
        defer { offset = end }
        return Array(bytes[offset..<end])
    }

    public func rewind() throws {
        offset = 0
    }
}
