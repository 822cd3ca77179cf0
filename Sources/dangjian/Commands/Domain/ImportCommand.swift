import ArgumentParser
import Bilingual
import Foundation
import PartyBuilding

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a CSV file of orgs, members, meetings, study or dues, all or nothing. 批量导入",
        discussion: """
            The header names the columns, which are the flags of the matching command (docs/import.md); list \
            values are separated by ';'. UTF-8 (with or without BOM) or GB18030. Every row is checked first; \
            if any is bad, every bad row is listed with its line number and nothing is written; a record over \
            64 KiB stops the reading at once. Importing the same rows again adds nothing.
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case orgs, members, meetings, study, dues
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var write: WriteOptions
    @Argument(help: "The CSV file. 文件") var file: String
    @Option(help: "orgs|members|meetings|study|dues. 内容") var kind: Kind
    @Flag(name: .customLong("dry-run"), help: "Check only; write nothing. 只检查不写入") var dryRun = false
    @Option(name: .customLong("late-reason"), help: "Late reason for meeting rows without one. 补录原因（会议）")
    var lateReason: String?

    func run() throws {
        let today = try Today.fromEnvironment()
        let language = global.language
        // Read a chunk at a time: memory holds the rows, never the whole file (docs/import.md, "Limits").
        let rows = try ImportRows.read(
            FileInput(path: file), kind: ImportKind(rawValue: kind.rawValue)!, file: file, today: today, lateReason: lateReason)
        let store = try global.openStore()
        // Only the streams the rows touch are read: an import into a large store costs what its rows need.
        let basis = try DomainLog.load(neededBy: rows.commands, from: store)
        let progress = Progress(label: BilingualText(zh: "检查中", en: "checking").text(in: language))
        let plan = ImportPlan.make(rows, basis: basis, today: today, progress: { progress.update(Int64($0), of: Int64($1)) })
        progress.finish()
        if !plan.problems.isEmpty { throw ImportError.badRows(file: file, problems: plan.problems) }
        if !dryRun && !plan.events.isEmpty {
            try DomainLog.append(plan.events, basedOn: basis, to: store,
                                 metadata: write.metadata(correlationID: UUID().uuidString.lowercased()), keys: plan.keys)
        }
        let summary = dryRun
            ? BilingualText(
                zh: "检查通过：\(plan.newRows) 行可导入（\(plan.events.count) 个事件），\(plan.alreadyImported) 行已导入过；未写入",
                en: "checked: \(plan.newRows) rows to import (\(plan.events.count) events), \(plan.alreadyImported) already imported; nothing written")
            : BilingualText(
                zh: "已导入 \(plan.newRows) 行（\(plan.events.count) 个事件），\(plan.alreadyImported) 行此前已导入",
                en: "imported \(plan.newRows) rows (\(plan.events.count) events), \(plan.alreadyImported) already imported")
        print(summary.text(in: language))
    }
}
