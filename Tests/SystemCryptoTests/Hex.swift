/// Test vectors are written in hexadecimal, as the standards print them.
extension Array where Element == UInt8 {
    init(hex: String) {
        let digits = Array(hex.utf8)
        precondition(digits.count % 2 == 0, "odd hex length")
        self = stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0...$0 + 1], as: UTF8.self), radix: 16)! }
    }
}

extension Sequence where Element == UInt8 {
    var hex: String { map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined() }
}
