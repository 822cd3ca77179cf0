import Projections
import Testing

/// `IDLookup` must find exactly the ids it was given, by their bytes, in any row order.
@Suite struct IDLookupTests {
    private func find(_ id: String, in lookup: IDLookup) -> Int? {
        Array(id.utf8).withUnsafeBufferPointer { lookup.position(of: $0) }
    }

    private func findAll(_ ids: [String], in lookup: IDLookup) -> [Int?] {
        var cursor = IDLookup.Cursor()
        return ids.map { id in Array(id.utf8).withUnsafeBufferPointer { lookup.position(of: $0, from: &cursor) } }
    }

    /// Where `id`'s bytes are in `ids` (Swift's `==` would take "é" and "e\u{301}" for one id; SQLite does not).
    private func place(_ id: String) -> Int? {
        ids.firstIndex { $0.utf8.elementsEqual(id.utf8) }
    }

    private let ids = [
        "b10", "b1", "党支部-甲", "b1-g2", "", "é", "b2", "e\u{301}", "b1-g1", "a", "a\u{0}",
        "gd-guanshang-c01-b01", "gd-guanshang-c01-b01-g2", "gd-guanshang-c01-b01-g1", "gd-guanshang-c01-b0", "gd-guanshang-c01",
    ]

    @Test func findsEachIdAtItsPlaceInTheListGiven() {
        let lookup = IDLookup(ids)
        #expect(lookup.count == ids.count)
        for (position, id) in ids.enumerated() {
            #expect(find(id, in: lookup) == position, "\(id)")
        }
    }

    @Test func findsNothingForIdsNotGiven() {
        let lookup = IDLookup(ids)
        for missing in ["b", "b11", "b1-g", "党支部", "党支部-乙", "B1", "zz", " b1", "a\u{0}\u{0}", "gd-guanshang-c01-b01-g", "gd-guanshang-c01-b"] {
            #expect(find(missing, in: lookup) == nil, "\(missing)")
        }
        #expect(find("b1", in: IDLookup([])) == nil)
    }

    @Test func rowsInKeyOrderOrAnyOrderAreFoundTheSame() {
        let lookup = IDLookup(ids)
        let bytewise = ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let expected = bytewise.map(place)
        #expect(findAll(bytewise, in: lookup) == expected)
        // Gaps, repeats, strangers and rows out of order.
        let mixed = ["b2", "a", "a", "zz", "b10", "é", "b1", "", "党支部-甲", "b0", "gd-guanshang-c01-b01-g1", "a\u{0}", "gd-guanshang-c01-b01"]
        #expect(findAll(mixed, in: lookup) == mixed.map(place))
    }

    @Test func anAlreadySortedListIsNumberedAsGiven() {
        let sorted = (0..<1_000).map { "m" + String(100_000 + $0) }
        let lookup = IDLookup(sorted)
        #expect(findAll(sorted, in: lookup) == Array(0..<1_000))
        #expect(find("m100999", in: lookup) == 999 && find("m101000", in: lookup) == nil)
    }
}
