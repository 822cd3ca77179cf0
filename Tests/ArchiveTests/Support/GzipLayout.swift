@testable import Archive
import Foundation

/// Where the gzip members of a format 2 file start, found by their stated lengths alone.
enum GzipLayout {
    struct NotSized: Error {}

    static func memberOffsets(_ data: Data) throws -> [Int] {
        let bytes = [UInt8](data)
        var offsets: [Int] = []
        var offset = 0
        while offset < bytes.count {
            let fixed = Array(bytes[offset..<min(bytes.count, offset + GzipMember.fixedHeaderSize)])
            let extraStart = offset + GzipMember.fixedHeaderSize
            guard let length = GzipMember.statedLength(fixedHeader: fixed, extra: { Array(bytes[extraStart..<min(bytes.count, extraStart + $0)]) })
            else { throw NotSized() }
            offsets.append(offset)
            offset += length
        }
        guard offset == bytes.count else { throw NotSized() }
        return offsets
    }

    /// A file of hand-made bytes in `fixture`'s folder.
    static func write(_ bytes: [UInt8], _ name: String, in fixture: Fixture) throws -> String {
        let path = fixture.path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The tar inside an archive, unpacked.
    static func tar(of path: String) throws -> [UInt8] {
        var tar: [UInt8] = []
        try GzipReader(path: path).forEachChunk { tar += $0 }
        return tar
    }
}
