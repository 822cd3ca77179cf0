import Bilingual

/// A problem found in one row of an imported file.
public struct RowProblem: Sendable, Equatable {
    public var line: Int
    public var message: BilingualText
}

/// Why an import wrote nothing.
public enum ImportError: UserFacingError, Equatable {
    case unreadable(file: String, reason: BilingualText)
    case badHeader(file: String, reason: BilingualText)
    case badRows(file: String, problems: [RowProblem])
    /// A record longer than `CSVReader.maximumRecordBytes`: the reading stops there.
    case recordTooLong(file: String, line: Int)
    /// A NUL byte, found in binary and UTF-16 files, never in text a person typed: the reading stops there.
    case nulByte(file: String, line: Int)
    /// Bytes that are neither UTF-8 nor GB18030, on this line.
    case notText(file: String, line: Int)

    public var message: BilingualText {
        switch self {
        case .unreadable(let file, let reason):
            return BilingualText(zh: "无法读取 \(file)：\(reason.zh)", en: "cannot read \(file): \(reason.en)")
        case .badHeader(let file, let reason):
            return BilingualText(zh: "\(file) 第 1 行（表头）：\(reason.zh)", en: "\(file) line 1 (header): \(reason.en)")
        case .badRows(let file, let problems):
            let zhLines = problems.map { "\(file) 第 \($0.line) 行：\($0.message.zh)" }
            let enLines = problems.map { "\(file) line \($0.line): \($0.message.en)" }
            return BilingualText(
                zh: "\(problems.count) 行有误，未导入任何记录；请改正后重新导入：\n" + zhLines.joined(separator: "\n"),
                en: "\(problems.count) bad rows, nothing was imported; fix them and import again:\n" + enLines.joined(separator: "\n"))
        case .recordTooLong(let file, let line):
            let limit = CSVReader.maximumRecordBytes
            return BilingualText(
                zh: "\(file) 第 \(line) 行：这条记录超过 \(limit) 字节（单条记录的上限；列出 200 名参会人的一行约 3 KB）仍未结束，未导入任何记录：请检查其中的引号是否配对：未闭合的引号会一直延续到文件末尾",
                en: "\(file) line \(line): longer than \(limit) bytes, the limit for one record (a row naming 200 attendees is about 3 KB), and still not ended; nothing was imported: check that its quotes are paired: a quote left open runs on to the end of the file")
        case .nulByte(let file, let line):
            return BilingualText(
                zh: "\(file) 第 \(line) 行：含有 NUL 字节，文件不是文本或为 UTF-16，未导入任何记录：请在 Excel 中另存为“CSV UTF-8”",
                en: "\(file) line \(line): holds a NUL byte: the file is not text or is UTF-16, and nothing was imported; save it from Excel as \"CSV UTF-8\"")
        case .notText(let file, let line):
            return BilingualText(
                zh: "\(file) 第 \(line) 行：既不是 UTF-8 也不是 GB18030 编码，未导入任何记录：请在 Excel 中另存为“CSV UTF-8”",
                en: "\(file) line \(line): neither UTF-8 nor GB18030 text, and nothing was imported; save it from Excel as \"CSV UTF-8\"")
        }
    }
}
