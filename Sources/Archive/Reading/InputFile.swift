import Foundation

/// A file read front to back through a POSIX descriptor, in pieces of the reader's choosing.
final class InputFile {
    let path: String
    /// The file's length when it was opened.
    let size: Int64
    private let descriptor: Int32
    /// Where the next read starts.
    private(set) var offset: Int64 = 0

    init(path: String) throws {
        self.path = path
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ArchiveError.io(path: path, detail: errno == ENOENT ? "no such file" : String(cString: strerror(errno)))
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            close(descriptor)
            throw ArchiveError.io(path: path, detail: String(cString: strerror(errno)))
        }
        size = Int64(status.st_size)
    }

    deinit { close(descriptor) }

    /// The next `count` bytes, or fewer when the file ends first.
    func read(upTo count: Int) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
            filled = try read(into: UnsafeMutableRawBufferPointer(buffer))
        }
    }

    /// Fills `buffer` with the next bytes, or part of it when the file ends first; returns how
    /// many bytes it read.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var filled = 0
        while filled < buffer.count {
            let got = Foundation.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { throw ArchiveError.io(path: path, detail: String(cString: strerror(errno))) }
            if got == 0 { break }
            filled += got
        }
        offset += Int64(filled)
        return filled
    }
}
