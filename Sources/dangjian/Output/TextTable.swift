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
        let widths = columns.indices.map { index in
            cells.map { DisplayWidth.of($0[index]) }.max() ?? 0
        }
        func line(_ row: [String]) -> String {
            let padded = row.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - DisplayWidth.of(cell))
                return columns[index].alignment == .left ? cell + padding : padding + cell
            }
            let text = padded.joined(separator: "  ")
            // No trailing blanks: the last column is padded only when right-aligned.
            guard let end = text.lastIndex(where: { $0 != " " }) else { return "" }
            return String(text[...end])
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(columns.map(\.title)), rule] + rows.map(line)).joined(separator: "\n")
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
