/// A text compared, hashed and ordered by its UTF-8 bytes, as SQLite's BINARY collation
/// does: Swift's `String` equates canonically equivalent spellings (composed and decomposed
/// "é"), which the tables keep apart as different ids.
struct BytewiseText: Hashable, Comparable, Sendable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    static func == (a: Self, b: Self) -> Bool {
        a.text.utf8.elementsEqual(b.text.utf8)
    }

    static func < (a: Self, b: Self) -> Bool {
        a.text.utf8.lexicographicallyPrecedes(b.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(text.utf8.count)
    }
}
