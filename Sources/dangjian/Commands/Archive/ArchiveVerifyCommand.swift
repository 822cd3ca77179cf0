import Archive
import ArgumentParser
import Bilingual
import CMallocTuning

struct ArchiveVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check an archive: format, every event's hash, the chain, the Merkle root, the signature, continuity. 校验归档",
        discussion: """
            Exit code 0 when every check passes, 3 naming the first failure. Without --public-key the \
            signature is checked only against the key the manifest names (integrity, not origin); \
            without --previous or --trusted-root continuity is not checked. Lines starting with ! say \
            what was not checked; without --public-key a warning that the archive's origin is NOT \
            verified ends the output and goes to stderr too. With --public-key, an unsigned archive \
            fails (exit 3).
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var check: ArchiveCheckOptions

    @Argument(help: ArgumentHelp("The archive (.tar.gz). 归档文件", valueName: "file"))
    var file: String

    func run() throws {
        // Verifying allocates and frees a megabyte or more per gzip member and per batch of
        // lines, thousands of times; glibc would return each to the kernel and fault fresh
        // pages in for the next. Kept for reuse, verify takes 2–4 % less time
        // (benchmarks/README.md).
        malloc_tuning_keep_freed_blocks()
        let progress = Progress(label: BilingualText.verifyingArchive.text(in: global.language), showsCounts: false)
        defer { progress.finish() }
        let verified = try ArchiveVerifier.verify(file, publicKey: check.key(), continuing: check.anchor, progress: progress.update)
        progress.finish()
        VerificationSummary.print(verified, file: file, language: global.language)
    }
}
