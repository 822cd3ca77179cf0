import CZlib

/// Compresses bytes into one complete gzip member (RFC 1952).
///
/// Members are independent of each other, and a file of concatenated members is a valid
/// gzip file that `gzip -d`, Python's `gzip` module and `tar -z` read as one stream: that is
/// what lets the writer compress several chunks at once.
enum GzipMember {
    /// The compressed member for `input` at zlib `level` (0 stores without compressing).
    static func compress(_ input: [UInt8], level: Int32) -> [UInt8] {
        var stream = z_stream()
        guard czlib_deflate_init_gzip(&stream, level) == Z_OK else {
            fatalError("zlib refused deflate level \(level): out of memory")
        }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(input.count)))
        // Not zero-filled first: deflate writes every byte that is kept.
        return input.withUnsafeBufferPointer { source in
            [UInt8](unsafeUninitializedCapacity: bound) { target, written in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                // deflateBound guarantees one Z_FINISH call completes the member.
                let status = deflate(&stream, Z_FINISH)
                precondition(status == Z_STREAM_END, "deflate did not finish within deflateBound: \(status)")
                written = target.count - Int(stream.avail_out)
            }
        }
    }
}
