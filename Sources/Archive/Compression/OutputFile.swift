import Foundation

/// A file written front to back through a POSIX descriptor, with positioned rewrites.
final class OutputFile {
    let path: String
    private let descriptor: Int32
    private(set) var offset: Int64 = 0

    /// Creates `path`, refusing to replace an existing file.
    init(creating path: String, mode: mode_t = 0o644) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else { throw ArchiveError.io(path: path, detail: String(cString: strerror(errno))) }
    }

    deinit { close(descriptor) }

    func write(_ bytes: [UInt8]) throws {
        try write(bytes, at: offset)
        offset += Int64(bytes.count)
    }

    func write(_ bytes: [UInt8], at position: Int64) throws {
        try bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let count = pwrite(descriptor, raw.baseAddress! + done, raw.count - done, off_t(position) + off_t(done))
                if count < 0 {
                    if errno == EINTR { continue }
                    throw ArchiveError.io(path: path, detail: String(cString: strerror(errno)))
                }
                done += count
            }
        }
    }

    /// Flushes the file to the disk, so a recorded export never names a half-written archive.
    func synchronize() throws {
        guard fsync(descriptor) == 0 else { throw ArchiveError.io(path: path, detail: String(cString: strerror(errno))) }
    }
}
