import Bilingual

/// How a refusal names the byte it is about (docs/archive-format.md, "Where a failure lies").
///
/// Offsets count bytes from 0. A *file offset* is in the `.tar.gz` as stored (where a gzip
/// member starts: `tail -c +$((N+1)) FILE | gzip -t` checks from there); a *tar offset* is in
/// the unpacked tar (`gzip -dc FILE | tail -c +$((N+1))`); a *member offset* is within one
/// member's bytes, such as `events.ndjson` (`tar -xOzf FILE events.ndjson | tail -c +$((N+1))`).
enum ArchivePlace {
    static func gzipMember(at fileOffset: Int64) -> BilingualText {
        BilingualText(zh: "文件偏移 \(fileOffset) 处的 gzip 成员", en: "the gzip member at file offset \(fileOffset)")
    }

    /// A byte of the unpacked tar, and the gzip member it was unpacked from.
    static func tar(_ offset: Int64, inMemberAt fileOffset: Int64) -> BilingualText {
        BilingualText(
            zh: "tar 偏移 \(offset)（解压自文件偏移 \(fileOffset) 处的 gzip 成员）",
            en: "tar offset \(offset) (unpacked from the gzip member at file offset \(fileOffset))")
    }

    /// A member of the tar, by its header's offset.
    static func member(_ name: String, atTarOffset offset: Int64) -> BilingualText {
        BilingualText(zh: "成员 \(name)（tar 偏移 \(offset)）", en: "member \(name) (tar offset \(offset))")
    }

    /// A byte within a member's own bytes.
    static func within(_ name: String, _ offset: Int64) -> BilingualText {
        BilingualText(zh: "\(name) 偏移 \(offset)", en: "\(name) offset \(offset)")
    }
}
