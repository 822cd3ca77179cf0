import Archive
import ArgumentParser
import Bilingual
import EventStore
import Foundation
import Projections

struct ArchiveImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add an archive's events to a store, exactly as recorded. 导入归档",
        discussion: """
            The archive is verified first (as `archive verify` does, with the same options); nothing is \
            written unless it passes. The store must be empty (the archive then starts at position 1) \
            or end exactly where the archive begins; a missing store file is created. Import appends \
            nothing of its own, so the next archive continues the store. Into an empty store, the query \
            tables are built once all events are in; a command that opens the store before then (or \
            after the import was interrupted) builds them first. An interrupted import is finished by \
            running it again.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var check: ArchiveCheckOptions

    @Argument(help: ArgumentHelp("The archive (.tar.gz). 归档文件", valueName: "file"))
    var file: String

    func run() throws {
        let path = global.storePath
        let rebuilding = Progress(label: BilingualText(zh: "重建查询表", en: "rebuilding query tables").text(in: global.language))
        let verifying = Progress.verifyingArchive(in: global.language)
        let appending = Progress(label: BilingualText(zh: "导入事件", en: "importing events").text(in: global.language))
        // Each shows on the same line of the terminal in turn; it is cleared before any message.
        defer { rebuilding.finish() }
        // Into an empty store the log goes in alone and the query tables are built once at
        // the end; continuing a store, they are kept current with every batch. Either way
        // they come out as the original store's.
        let store = try ProjectionMaintenance.openForBulkAppend(
            path: path, create: !FileManager.default.fileExists(atPath: path),
            progress: { _, done, total in rebuilding.update(done, of: total) })
        let outcome = try ArchiveImporter.importArchive(file, into: store, publicKey: check.key(), continuing: check.anchor) {
            stage, done, total in
            switch stage {
            case .verifying: verifying.update(done, of: total)
            case .appending: appending.update(done, of: total)
            }
        }
        try ProjectionMaintenance.rebuildOutdated(in: store) { _, done, total in rebuilding.update(done, of: total) }
        rebuilding.finish()
        VerificationSummary.print(outcome.archive, file: file, language: global.language)
        let manifest = outcome.archive.manifest
        print(BilingualText(
            zh: "已导入 \(outcome.appended) 个事件（位置 \(manifest.firstPosition)–\(manifest.lastPosition)）到 \(path)",
            en: "imported \(outcome.appended) events (positions \(manifest.firstPosition)–\(manifest.lastPosition)) into \(path)"
        ).text(in: global.language))
        if outcome.alreadyPresent > 0 {
            print(BilingualText(
                zh: "其中 \(outcome.alreadyPresent) 个事件此前已导入（上次导入被中断），已核对一致并跳过",
                en: "\(outcome.alreadyPresent) events were already there from an interrupted import: checked and skipped"
            ).text(in: global.language))
        }
    }
}
