@testable import Archive
import SystemCrypto
import Testing

@Suite struct MerkleTests {
    /// The tree hash straight from RFC 6962 §2.1's recursive definition.
    static func referenceRoot(_ leaves: ArraySlice<Hash256>) -> Hash256 {
        if leaves.isEmpty { return Hash256(SHA256.hash(data: [UInt8]())) }
        if leaves.count == 1 { return MerkleHashing.leaf(eventHash: leaves.first!) }
        var split = 1
        while split * 2 < leaves.count { split *= 2 }
        let start = leaves.startIndex
        return MerkleHashing.node(
            referenceRoot(leaves[start..<start + split]), referenceRoot(leaves[(start + split)...]))
    }

    static let eventHashes = (0..<70).map { Hash256(SHA256.hash(data: [UInt8(truncatingIfNeeded: $0), 7])) }

    @Test func emptyTreeRootIsTheHashOfNothing() {
        #expect(MerkleCompactRange().root.hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func compactRangeRootMatchesTheRecursiveDefinition() {
        for size in 0...Self.eventHashes.count {
            var range = MerkleCompactRange()
            for hash in Self.eventHashes.prefix(size) { range.appendLeaf(eventHash: hash) }
            #expect(range.root == Self.referenceRoot(Self.eventHashes.prefix(size)), "size \(size)")
            #expect(range.hashes.count == MerkleCompactRange.frontierSizes(of: Int64(size)).count)
        }
    }

    @Test func frontierPlusLaterLeavesGivesTheLongerTree() throws {
        for total in 1...40 {
            for split in 0...total {
                var prefix = MerkleCompactRange()
                for hash in Self.eventHashes.prefix(split) { prefix.appendLeaf(eventHash: hash) }
                var frontier = try #require(MerkleCompactRange(frontierOfSize: Int64(split), hashes: prefix.hashes))
                var later = MerkleCompactRange(start: Int64(split))
                for hash in Self.eventHashes[split..<total] { later.appendLeaf(eventHash: hash) }
                #expect(frontier.root == prefix.root)
                frontier.append(later)
                #expect(frontier.root == Self.referenceRoot(Self.eventHashes.prefix(total)), "\(split) → \(total)")
            }
        }
    }

    /// Batches hash their nodes a level at a time, two at a time: from any start, in batches
    /// of any size, the range must hold the very nodes that leaf-by-leaf appending makes.
    @Test func leavesAppendedInBatchesMakeTheSameRangeAsOneByOne() {
        for start in 0...9 {
            for count in 0...(Self.eventHashes.count - start) {
                let hashes = Array(Self.eventHashes[start..<(start + count)])
                var oneByOne = MerkleCompactRange(start: Int64(start))
                for hash in hashes { oneByOne.appendLeaf(eventHash: hash) }
                var whole = MerkleCompactRange(start: Int64(start))
                whole.appendLeaves(eventHashes: hashes)
                var batched = MerkleCompactRange(start: Int64(start))
                var offset = 0
                var batchSize = 2
                while offset < count {
                    let end = min(count, offset + batchSize)
                    batched.appendLeaves(eventHashes: Array(hashes[offset..<end]))
                    offset = end
                    batchSize += 3
                }
                #expect(whole == oneByOne, "\(count) from \(start)")
                #expect(batched == oneByOne, "\(count) from \(start), in batches")
                // Each node is a perfect subtree: its hash is the tree hash of its leaves, and
                // the nodes cover the range in order.
                var next = Int64(start)
                for node in whole.nodes {
                    #expect(node.start == next && node.size & (node.size - 1) == 0 && node.start % node.size == 0)
                    #expect(node.hash == Self.referenceRoot(Self.eventHashes[Int(node.start)..<Int(node.start + node.size)]))
                    next = node.start + node.size
                }
                #expect(next == Int64(start + count))
                if start == 0 {
                    #expect(whole.root == Self.referenceRoot(Self.eventHashes.prefix(count)))
                }
            }
        }
    }

    @Test func aFrontierOfTheWrongLengthIsRefused() {
        #expect(MerkleCompactRange(frontierOfSize: 6, hashes: [Self.eventHashes[0]]) == nil)
    }

    /// Leaves and nodes are hashed from hand-padded blocks; they must be the plain SHA-256 of
    /// 0x00 ‖ hash and 0x01 ‖ left ‖ right (RFC 9162 §2.1.1).
    @Test func leavesAndNodesAreThePlainSHA256OfTheirPrefixedBytes() {
        func random() -> Hash256 { Hash256(SHA256.hash(data: (0..<16).map { _ in UInt8.random(in: 0...255) })) }
        func bytes(_ hash: Hash256) -> [UInt8] { withUnsafeBytes(of: hash.bytes, Array.init) }
        for _ in 0..<1_000 {
            let (left, right) = (random(), random())
            #expect(MerkleHashing.leaf(eventHash: left) == Hash256(SHA256.hash(data: [0x00] + bytes(left))))
            #expect(MerkleHashing.node(left, right) == Hash256(SHA256.hash(data: [0x01] + bytes(left) + bytes(right))))
        }
    }
}
