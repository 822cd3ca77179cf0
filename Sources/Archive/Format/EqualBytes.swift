/// Whether two runs of bytes are equal, compared eight bytes at a time in line.
///
/// Every line of an archive has its fourteen envelope keys compared, each a dozen bytes or
/// so, where a call to `memcmp` costs several times the comparing.
@inline(__always)
func equalBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
    guard a.count == b.count else { return false }
    guard let x = a.baseAddress, let y = b.baseAddress else { return true }
    var offset = 0
    while offset + 8 <= a.count {
        guard x.loadUnaligned(fromByteOffset: offset, as: UInt64.self) == y.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        else { return false }
        offset += 8
    }
    while offset < a.count {
        guard x.load(fromByteOffset: offset, as: UInt8.self) == y.load(fromByteOffset: offset, as: UInt8.self) else { return false }
        offset += 1
    }
    return true
}
