import Bilingual
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads the text of a file saved by Excel or an editor: UTF-8 with or without a byte-order
/// mark, or GB18030 (what Excel in China saves by default).
public enum TextDecoding {
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case gb18030 = "GB18030"
    }

    /// Valid UTF-8 is read as UTF-8 (a leading BOM dropped); anything else as GB18030.
    public static func decode(_ bytes: [UInt8], file: String) throws -> (text: String, encoding: Encoding) {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let text = String(validating: body, as: UTF8.self) { return (text, .utf8) }
        return (try convertGB18030(Array(bytes), file: file), .gb18030)
    }

    /// GB18030 to UTF-8 with glibc's iconv, which Foundation on Linux does not offer.
    static func convertGB18030(_ input: [UInt8], file: String) throws -> String {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else {
            throw ImportError.unreadable(file: file, reason: BilingualText(
                zh: "本机的 iconv 不支持 GB18030", en: "this system's iconv cannot convert GB18030"))
        }
        defer { iconv_close(converter) }
        var source = input.map { CChar(bitPattern: $0) }
        // Each GB18030 byte becomes at most 2 UTF-8 bytes (4-byte sequences become ≤4).
        var output = [CChar](repeating: 0, count: source.count * 2 + 16)
        let converted: Int? = source.withUnsafeMutableBufferPointer { sourceBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = sourceBuffer.baseAddress
                var inLeft = sourceBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = outputBuffer.baseAddress
                var outLeft = outputBuffer.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 || inLeft == 0 else { return nil }
                return outputBuffer.count - outLeft
            }
        }
        guard let converted, let text = String(validating: output[0..<converted].map { UInt8(bitPattern: $0) }, as: UTF8.self) else {
            throw ImportError.unreadable(file: file, reason: BilingualText(
                zh: "既不是 UTF-8 也不是 GB18030 编码：请在 Excel 中另存为“CSV UTF-8”",
                en: "neither UTF-8 nor GB18030 text: save it from Excel as \"CSV UTF-8\""))
        }
        return text
    }
}
