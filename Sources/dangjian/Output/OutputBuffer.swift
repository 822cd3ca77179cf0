import Foundation

/// Buffered writes to stdout: long listings are written in large blocks, not line by line.
struct OutputBuffer: ~Copyable {
    private var buffer: [UInt8] = []
    private let flushThreshold = 1 << 16

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= flushThreshold { flush() }
    }

    mutating func writeLine(_ text: String) {
        write(text)
        write("\n")
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    deinit {
        if !buffer.isEmpty { FileHandle.standardOutput.write(Data(buffer)) }
    }
}
