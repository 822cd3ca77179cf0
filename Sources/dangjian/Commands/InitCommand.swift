import ArgumentParser
import Bilingual
import EventStore
import Foundation
import Projections

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an empty store. 新建数据库",
        discussion: "The file is created with mode 0600 (owner only). An existing store is left as it is.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let path = global.storePath
        let existed = FileManager.default.fileExists(atPath: path)
        _ = try ProjectionMaintenance.open(path: path, create: !existed)
        let message = existed
            ? BilingualText(zh: "数据库已存在，未作改动：\(path)", en: "store already exists, nothing changed: \(path)")
            : BilingualText(zh: "已新建数据库：\(path)", en: "created store: \(path)")
        print(message.text(in: global.language))
    }
}
