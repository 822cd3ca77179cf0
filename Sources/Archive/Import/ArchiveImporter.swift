import Bilingual
import Crypto
import EventStore

/// Adds an archive's events to a store, exactly as recorded: into an empty store (an
/// archive starting at position 1), or continuing a store that ends where the archive begins.
public enum ArchiveImporter {
    static let batchSize = 5_000

    /// Verifies the archive completely, then appends its events in batches.
    ///
    /// Nothing is written unless the whole archive verifies. The file is read twice (verify,
    /// then append) so memory stays flat; the second pass checks every event again, and the
    /// store's new head must be the archive's last hash.
    @discardableResult
    public static func importArchive(
        _ path: String, into store: EventStore, publicKey: Curve25519.Signing.PublicKey? = nil,
        continuing anchor: ContinuityAnchor? = nil
    ) throws -> VerifiedArchive {
        let verified = try ArchiveVerifier.verify(path, publicKey: publicKey, continuing: anchor)
        let manifest = verified.manifest
        let head = try store.head()
        let headPosition = head?.position ?? 0
        guard headPosition == manifest.firstPosition - 1 else {
            throw ArchiveError.refused(BilingualText(
                zh: "数据库止于位置 \(headPosition)，而归档从位置 \(manifest.firstPosition) 开始：请按顺序导入归档（空库应先导入从位置 1 开始的归档）",
                en: "the store ends at position \(headPosition) but the archive starts at \(manifest.firstPosition): import the archives in order (an empty store takes the archive that starts at position 1)"))
        }
        guard (head?.hash ?? EnvelopeHashing.genesisHash) == manifest.previous.lastHash else {
            throw ArchiveError.refused(BilingualText(
                zh: "数据库末事件的哈希与归档接续的哈希不符：二者来自不同的日志",
                en: "the store's last hash is not the hash the archive continues: they come from different logs"))
        }
        var batch: [RecordedEvent] = []
        batch.reserveCapacity(batchSize)
        let contents = try ArchiveVerifier.failing(path) {
            try ArchiveReader.read(path: path) { event in
                batch.append(event)
                if batch.count == batchSize {
                    try store.appendVerbatim(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
        }
        try store.appendVerbatim(batch)
        guard contents.events.lastHash?.hex == manifest.lastHash, try store.head()?.hash == manifest.lastHash else {
            throw ArchiveError.verificationFailed(file: path, problem: BilingualText(
                zh: "导入过程中文件发生了变化：请对数据库运行 `dangjian verify` 并重新核对归档",
                en: "the file changed while it was imported: run `dangjian verify` on the store and check the archive again"))
        }
        return verified
    }
}
