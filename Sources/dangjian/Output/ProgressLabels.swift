import Bilingual

/// Progress labels that more than one command shows.
extension BilingualText {
    static let rebuildingQueryTables = BilingualText(zh: "重建查询表", en: "rebuilding query tables")
    /// Reading an archive through; its progress counts bytes of the file.
    static let verifyingArchive = BilingualText(zh: "校验归档", en: "verifying archive")
}
