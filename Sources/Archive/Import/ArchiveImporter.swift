import Bilingual
import EventStore
import SystemCrypto

/// Adds an archive's events to a store, exactly as recorded: into an empty store (an
/// archive starting at position 1), or continuing a store that ends where the archive begins.
/// An import that was interrupted (its batches are committed one by one) is finished by
/// running it again: the events already in the store are checked and skipped.
public enum ArchiveImporter {
    static let batchSize = 5_000

    /// What an import did.
    public struct Outcome: Sendable {
        public var archive: VerifiedArchive
        /// Events of the archive the store already held (an earlier, interrupted import).
        public var alreadyPresent: Int64
        /// Events appended now.
        public var appended: Int64 { archive.manifest.eventCount - alreadyPresent }
    }

    /// Verifies the archive completely, then appends its events in batches
    /// (``importArchive(_:from:into:progress:)``). Nothing is written unless it verifies.
    @discardableResult
    public static func importArchive(
        _ path: String, into store: EventStore, publicKey: Curve25519.Signing.PublicKey? = nil,
        continuing anchor: ContinuityAnchor? = nil
    ) throws -> Outcome {
        try importArchive(ArchiveVerifier.verify(path, publicKey: publicKey, continuing: anchor), from: path, into: store)
    }

    /// Appends the events of the archive at `path`, which `verified` (what
    /// ``ArchiveVerifier/verify(_:publicKey:continuing:progress:)`` returned for it) says passed
    /// every check.
    ///
    /// The file is read again rather than kept from the verification, so memory stays flat;
    /// this pass checks every event again, and the store's new head must be the archive's
    /// last hash.
    ///
    /// - Parameter progress: told the events appended so far, of those to append.
    @discardableResult
    public static func importArchive(
        _ verified: VerifiedArchive, from path: String, into store: EventStore, progress: @escaping ArchiveProgress = { _, _ in }
    ) throws -> Outcome {
        let manifest = verified.manifest
        let head = try store.head()
        let headPosition = head?.position ?? 0
        guard (manifest.firstPosition - 1...manifest.lastPosition).contains(headPosition) else {
            throw ArchiveError.refused(BilingualText(
                zh: "数据库止于位置 \(headPosition)，而归档从位置 \(manifest.firstPosition) 开始：请按顺序导入归档（空库应先导入从位置 1 开始的归档）",
                en: "the store ends at position \(headPosition) but the archive starts at \(manifest.firstPosition): import the archives in order (an empty store takes the archive that starts at position 1)"))
        }
        let continued = manifest.firstPosition == 1
            ? EnvelopeHashing.genesisHash : try store.readAll(from: manifest.firstPosition - 1, limit: 1).first?.hash
        guard continued == manifest.previous.lastHash else { throw differentLogs() }
        if headPosition == manifest.lastPosition {
            guard head?.hash == manifest.lastHash else { throw differentLogs() }
            return Outcome(archive: verified, alreadyPresent: manifest.eventCount)
        }
        let toAppend = manifest.lastPosition - headPosition
        var batch: [RecordedEvent] = []
        batch.reserveCapacity(batchSize)
        func append() throws {
            guard let last = batch.last else { return }
            try store.appendVerbatim(batch)
            batch.removeAll(keepingCapacity: true)
            progress(last.position - headPosition, toAppend)
        }
        let contents = try ArchiveVerifier.failing(path) {
            try ArchiveReader.read(path: path) { event in
                if event.position <= headPosition {
                    // Already in the store from an interrupted import: the same event or a refusal.
                    if event.position == headPosition, event.hash != head?.hash { throw differentLogs() }
                    return
                }
                batch.append(event)
                if batch.count == batchSize { try append() }
            }
        }
        try append()
        guard contents.events.lastHash?.hex == manifest.lastHash, try store.head()?.hash == manifest.lastHash else {
            throw ArchiveError.verificationFailed(file: path, problem: BilingualText(
                zh: "导入过程中文件发生了变化：请对数据库运行 `dangjian verify` 并重新核对归档",
                en: "the file changed while it was imported: run `dangjian verify` on the store and check the archive again"))
        }
        return Outcome(archive: verified, alreadyPresent: headPosition - (manifest.firstPosition - 1))
    }

    private static func differentLogs() -> ArchiveError {
        ArchiveError.refused(BilingualText(
            zh: "数据库中的事件与归档接续或包含的事件不符：二者来自不同的日志",
            en: "the store's events are not those the archive continues or holds: they come from different logs"))
    }
}
