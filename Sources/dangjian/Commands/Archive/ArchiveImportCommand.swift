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
            tables are built once all events are in: until then other commands on the store say that an \
            import is running and stop. An interrupted import is finished by running it again (the first \
            command after the interruption builds the tables from the events in so far).
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var check: ArchiveCheckOptions

    @Argument(help: ArgumentHelp("The archive (.tar.gz). 归档文件", valueName: "file"))
    var file: String

    func run() throws {
        let path = global.storePath
        let language = global.language
        // One line on the terminal for every stage, cleared before anything else is printed.
        let progress = Progress(label: BilingualText.verifyingArchive.text(in: language), showsCounts: false)
        defer { progress.finish() }
        // Verified before the store is opened: a missing store is made only for an archive that passes.
        let verified = try ArchiveVerifier.verify(file, publicKey: check.key(), continuing: check.anchor, progress: progress.update)
        progress.begin(BilingualText.rebuildingQueryTables.text(in: language))
        // Into an empty store the log goes in alone and the query tables are built once at
        // the end; continuing a store, they are kept current with every batch. Either way
        // they come out as the original store's.
        let bulk = try BulkAppend(
            path: path, create: !FileManager.default.fileExists(atPath: path),
            progress: { _, done, total in progress.update(done, of: total) })
        progress.begin(BilingualText(zh: "导入事件", en: "importing events").text(in: language))
        let outcome = try ArchiveImporter.importArchive(verified, from: file, into: bulk.store, progress: progress.update)
        progress.begin(BilingualText.rebuildingQueryTables.text(in: language))
        try bulk.finish(progress: progress.update)
        progress.finish()
        VerificationSummary.print(outcome.archive, file: file, language: language)
        let manifest = outcome.archive.manifest
        let positions = "\(manifest.firstPosition)–\(manifest.lastPosition)"
        guard outcome.appended > 0 else {
            print(BilingualText(
                zh: "无需导入：\(path) 已包含该归档的全部事件（位置 \(positions)），已核对一致",
                en: "nothing to import: \(path) already holds every event of this archive (positions \(positions)), checked"
            ).text(in: language))
            return
        }
        print(BilingualText(
            zh: "已导入 \(outcome.appended) 个事件（位置 \(positions)）到 \(path)",
            en: "imported \(outcome.appended) events (positions \(positions)) into \(path)"
        ).text(in: language))
        if outcome.alreadyPresent > 0 {
            print(BilingualText(
                zh: "其中 \(outcome.alreadyPresent) 个事件此前已导入（上次导入被中断），已核对一致并跳过",
                en: "\(outcome.alreadyPresent) events were already there from an interrupted import: checked and skipped"
            ).text(in: language))
        }
    }
}
