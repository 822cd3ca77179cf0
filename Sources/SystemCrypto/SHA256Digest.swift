extension SHA256 {
    /// A SHA-256 value: 32 bytes held inline, read as a sequence of bytes or through a pointer.
    public struct Digest: Hashable, Sendable, Sequence {
        static let byteCount = 32

        private var bytes = SIMD32<UInt8>()

        /// A digest written by `fill`, which receives room for 32 bytes.
        init(filling fill: (UnsafeMutablePointer<UInt8>) -> Void) {
            Swift.withUnsafeMutableBytes(of: &bytes) { fill($0.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
        }

        public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
            try Swift.withUnsafeBytes(of: bytes, body)
        }

        public func makeIterator() -> Iterator {
            Iterator(bytes: bytes)
        }

        public var underestimatedCount: Int { Self.byteCount }

        public struct Iterator: IteratorProtocol {
            let bytes: SIMD32<UInt8>
            var index = 0

            public mutating func next() -> UInt8? {
                guard index < Digest.byteCount else { return nil }
                defer { index += 1 }
                return bytes[index]
            }
        }
    }
}
