/// What both gzip readers refuse, in the same words.
enum GzipProblems {
    static let empty = ArchiveProblem(zh: "文件为空（0 字节）", en: "the file is empty (0 bytes)")

    static func damaged(_ reason: String, memberAt offset: Int64) -> ArchiveProblem {
        ArchiveProblem(
            zh: "gzip 数据损坏（\(reason)）：文件被改动或不是 dangjian 归档",
            en: "the gzip data is damaged (\(reason)): the file was altered or is not a dangjian archive"
        ).located(at: ArchivePlace.gzipMember(at: offset))
    }

    static func truncated(memberAt offset: Int64, fileSize: Int64) -> ArchiveProblem {
        ArchiveProblem(
            zh: "gzip 数据在该成员中途、文件偏移 \(fileSize) 处结束：文件被截断（复制或下载未完成）",
            en: "the gzip data ends in the middle of it, at file offset \(fileSize): the file is truncated (an incomplete copy or download)"
        ).located(at: ArchivePlace.gzipMember(at: offset))
    }
}
