import Bilingual
import Projections

/// A table for people: columns padded by display width, so Chinese text lines up.
struct TextTable {
    enum Alignment {
        case left
        case right
    }

    struct Column {
        var title: String
        var alignment: Alignment = .left
    }

    var columns: [Column]
    var rows: [[String]] = []

    init(columns: [Column]) {
        self.columns = columns
    }

    mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The table as lines: header, a rule, then the rows; columns two spaces apart.
    func render() -> String {
        let cells = [columns.map(\.title)] + rows
        // Each cell's width is measured once: reports run to tens of thousands of cells.
        let cellWidths = cells.map { $0.map(DisplayWidth.of) }
        let widths = columns.indices.map { index in
            cellWidths.map { $0[index] }.max() ?? 0
        }
        func line(_ row: Int) -> String {
            var text = ""
            for (index, cell) in cells[row].enumerated() {
                if index > 0 { text += "  " }
                let padding = String(repeating: " ", count: widths[index] - cellWidths[row][index])
                text += columns[index].alignment == .left ? cell + padding : padding + cell
            }
            // No trailing blanks (a space is one byte, so the cut falls between characters).
            let end = text.utf8.lastIndex { $0 != UInt8(ascii: " ") }
            return end.map { String(text[...$0]) } ?? ""
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(0), rule] + cells.indices.dropFirst().map(line)).joined(separator: "\n")
    }
}

extension TextTable {
    /// A report's layout in one language: numbers right-aligned.
    init(_ report: ReportTable, language: Language) {
        self.init(columns: report.columns.map {
            Column(title: $0.title.text(in: language), alignment: $0.numeric ? .right : .left)
        })
        rows = report.rows
    }
}
