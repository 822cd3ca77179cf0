import Archive
import ArgumentParser
import Bilingual
import EventStore
import Foundation
import Projections

struct ArchiveExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an audit archive of a range of the log and record the export. 导出审计归档",
        discussion: """
            Choose the range with exactly one of:
              --period P     P is a quarter (2026-Q1), a month (2026-03) or a year (2026). The archive \
            starts right after the furthest position any earlier export reached (1 if none) and ends at \
            the last event whose business date is on or before P's last day. Business dates do not grow \
            with position, so events dated later that were logged in between are included, and events \
            dated in P but logged after that point go into the next archive: every event is in exactly \
            one archive of the chain.
              --since-last   everything after the furthest earlier export.
              --from N --to M   exactly positions N to M.
            The export itself is recorded as an event (stream "archive", type "archive-exported") with \
            who, when, the range and the Merkle root; prints the archive's path. The archive also \
            carries CSV snapshots of the roster and the reports for the period (titles in Chinese with \
            --lang zh, else English): informative only, see docs/archive-format.md §6.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Business period: 2026-Q1, 2026-03 or 2026. 业务期间", valueName: "period"))
    var period: String?

    @Flag(name: .customLong("since-last"), help: "Everything after the last export. 自上次导出以来")
    var sinceLast = false

    @Option(help: ArgumentHelp("First position. 起始位置", valueName: "N"))
    var from: Int64?

    @Option(help: ArgumentHelp("Last position. 结束位置", valueName: "M"))
    var to: Int64?

    @Option(help: ArgumentHelp("The folder the archive is written to. 输出目录", valueName: "dir"))
    var out: String

    @Option(help: ArgumentHelp("Ed25519 private key to sign with (from `keys generate`). 签名私钥", valueName: "file"))
    var key: String?

    @Option(help: ArgumentHelp(
        "Hub id written into the manifest. 数据中心标识",
        discussion: "Defaults to $DANGJIAN_HUB, then the store file's name without extension.", valueName: "id"))
    var hub: String?

    @Option(help: ArgumentHelp("gzip level 1–9. 压缩级别", valueName: "level"))
    var level: Int32 = ArchiveExportRequest.defaultCompressionLevel

    func validate() throws {
        let chosen = [period != nil, sinceLast, from != nil || to != nil].filter { $0 }.count
        guard chosen == 1 else { throw ValidationError("give exactly one of --period, --since-last, or --from with --to") }
        if (from == nil) != (to == nil) { throw ValidationError("--from and --to go together") }
        guard (1...9).contains(level) else { throw ValidationError("--level must be 1 to 9") }
    }

    func run() throws {
        let store = try global.openStore()
        let selection: ArchiveSelection
        var periodLabel: String?
        if let period {
            let parsed = try ArchivePeriod(parsing: period)
            selection = .period(parsed)
            periodLabel = parsed.label
        } else if let from, let to {
            selection = .positions(from: from, to: to)
        } else {
            selection = .sinceLast
        }
        let positions = try selection.positions(in: store)
        let signingKey = try key.map(SigningKeys.readPrivateKey)
        let (reportPeriod, language) = (periodLabel.flatMap(Period.init(parsing:)), global.lang ?? .en)
        let request = ArchiveExportRequest(
            positions: positions, period: periodLabel, outputDirectory: out, hubID: hubID,
            toolVersion: "dangjian \(Dangjian.version)", actor: ProcessInfo.processInfo.environment["USER"] ?? "dangjian",
            signingKey: signingKey,
            documents: { try ArchiveReports.documents(from: store, positions: positions, period: reportPeriod, language: language) },
            compressionLevel: level)
        let progress = Progress(label: BilingualText(zh: "导出事件", en: "exporting events").text(in: global.language))
        defer { progress.finish() }
        // After the last event come the report snapshots, the manifest, the sync to disk and
        // the record of the export: most of a second for a million events.
        let finishing = BilingualText(zh: "归档收尾：报表快照、清单", en: "finishing the archive: report snapshots, manifest").text(in: global.language)
        let result = try ArchiveExporter.export(request, from: store) { done, total in
            progress.update(done, of: total)
            if done == total { progress.announce(finishing) }
        }
        progress.finish()
        print(result.path)
    }

    private var hubID: String {
        hub ?? ProcessInfo.processInfo.environment["DANGJIAN_HUB"]
            ?? ((global.storePath as NSString).lastPathComponent as NSString).deletingPathExtension
    }
}
