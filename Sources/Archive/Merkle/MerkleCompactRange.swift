/// A run of consecutive leaves [start, end) of the log's Merkle tree, kept as the few
/// perfect subtrees that cover it (a "compact range": at most about 2·log₂ n hashes),
/// so a tree over millions of events is built in constant memory.
///
/// The range [0, n) is the tree's left border — its "frontier": the perfect subtrees of
/// sizes given by the binary digits of n, largest first. Folding them from the right
/// gives the RFC 6962 root of the tree of size n; appending a later range's nodes to a
/// frontier gives the frontier of the longer tree.
public struct MerkleCompactRange: Sendable, Equatable {
    struct Node: Sendable, Equatable {
        var start: Int64
        var size: Int64
        var hash: Hash256
    }

    public private(set) var start: Int64
    public private(set) var end: Int64
    private(set) var nodes: [Node] = []

    /// An empty range beginning at leaf index `start` (0-based: event position − 1).
    public init(start: Int64 = 0) {
        self.start = start
        end = start
    }

    /// The frontier of a tree of `size` leaves, from its subtree hashes, largest first.
    /// Nil when the count of hashes does not fit `size`.
    public init?(frontierOfSize size: Int64, hashes: [Hash256]) {
        let sizes = Self.frontierSizes(of: size)
        guard sizes.count == hashes.count else { return nil }
        self.init(start: 0)
        var offset: Int64 = 0
        for (subtreeSize, hash) in zip(sizes, hashes) {
            nodes.append(Node(start: offset, size: subtreeSize, hash: hash))
            offset += subtreeSize
        }
        end = size
    }

    /// The perfect subtree sizes that make up a tree of `size` leaves, largest first.
    static func frontierSizes(of size: Int64) -> [Int64] {
        (0..<63).reversed().map { Int64(1) << $0 }.filter { size & $0 != 0 }
    }

    /// Appends the next leaf: the hash of the event at position `end + 1`.
    public mutating func appendLeaf(eventHash: Hash256) {
        appendLeaves(eventHashes: [eventHash])
    }

    /// Appends the next leaves: the hashes of the events from position `end + 1` on.
    ///
    /// The batch is hashed a level at a time, so that its nodes, independent of one another
    /// within a level, are hashed two at a time. At each level, a first node that is a right
    /// child joins the range at once (merging with its sibling there); the others pair up into
    /// the level above; a last one left without its sibling waits, and the waiting ones join
    /// the range at the end, largest (leftmost) first.
    public mutating func appendLeaves(eventHashes: [Hash256]) {
        var level = MerkleHashing.leaves(eventHashes: eventHashes)
        var levelStart = end
        var size: Int64 = 1
        var waiting: [Node] = []
        while !level.isEmpty {
            if levelStart % (2 * size) != 0 {
                append(Node(start: levelStart, size: size, hash: level.removeFirst()))
                levelStart += size
            }
            if level.count % 2 == 1 {
                waiting.append(Node(start: levelStart + size * Int64(level.count - 1), size: size, hash: level.removeLast()))
            }
            level = MerkleHashing.parents(of: level)
            size *= 2
        }
        for node in waiting.reversed() { append(node) }
    }

    /// Appends every node of `later`, which must begin where this range ends.
    public mutating func append(_ later: MerkleCompactRange) {
        precondition(later.start == end, "compact ranges must be adjacent")
        for node in later.nodes { append(node) }
    }

    private mutating func append(_ node: Node) {
        nodes.append(node)
        end = node.start + node.size
        // Two neighbours of equal size whose left one is aligned are siblings: merge them.
        while nodes.count >= 2 {
            let right = nodes[nodes.count - 1]
            let left = nodes[nodes.count - 2]
            guard left.size == right.size, left.start % (2 * left.size) == 0 else { break }
            nodes.removeLast(2)
            nodes.append(Node(start: left.start, size: 2 * left.size, hash: MerkleHashing.node(left.hash, right.hash)))
        }
    }

    /// The subtree hashes, left to right (for a frontier: largest first).
    public var hashes: [Hash256] { nodes.map(\.hash) }

    /// The RFC 6962 root of the tree of the first `end` leaves; only for a range from 0.
    public var root: Hash256 {
        precondition(start == 0, "only a range from the first leaf has a root")
        guard var accumulated = nodes.last?.hash else { return MerkleHashing.emptyRoot }
        for node in nodes.dropLast().reversed() {
            accumulated = MerkleHashing.node(node.hash, accumulated)
        }
        return accumulated
    }
}
