import Bilingual
import Foundation
import GRDB
import PartyBuilding
import Testing

/// Mutated CSV files for `dangjian import`: no crash or hang, every refusal names the file and
/// a line, and a refused import leaves the store as it was.
@Suite("Fuzz: CSV import")
struct FuzzImportTests {
    static let seeds: [[UInt8]] = [
        "id,name,branch,status,since,phone\nm1,王一,b1,full,2010-07-01,13812345678\n\"m2\",\"李,二\",b1,probationary,2025-03-01,\n",
        "branch,type,date,topic,attendees,absent\nb1,party-lecture,2026-03-02,\"学习\"\"党章\"\"\",m01;m02,\r\nb1,theme-day,2026-03-09,主题党日,m01,m02\r\n",
        "member,from,to,amount,date\nm01,2026-01,2026-02,24.40,2026-03-18\n",
    ].map { Array($0.utf8) }
        // A members file as Excel in China saves it: GB18030, "张三" is D5 C5 C8 FD.
        + [Array("id,name,branch,status,since\nm3,".utf8) + [0xD5, 0xC5, 0xC8, 0xFD] + Array(",b1,full,2010-07-01\n".utf8)]

    @Test func theReaderAndRowsRefuseWithFileAndLine() throws {
        let today = try #require(CalendarDate(parsing: "2026-03-20"))
        let file = "fuzz.csv"
        Fuzzing.run("csv rows", seeds: Self.seeds) { input in
            let lineCount = input.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            for kind in ImportKind.allCases {
                let outcome = Self.read(input, kind: kind, file: file, today: today, chunkBytes: ImportRows.chunkBytes)
                switch outcome {
                case .rows(_, let problems):
                    for problem in problems {
                        #expect((2...lineCount).contains(problem.line), "line \(problem.line) of \(lineCount): \(Fuzzing.keep(input, "csv"))")
                        #expect(!problem.message.en.isEmpty && !problem.message.zh.isEmpty)
                    }
                    let message = ImportError.badRows(file: file, problems: problems).message.en
                    for problem in problems {
                        #expect(message.contains("\n\(file) line \(problem.line): "), "\(message)")
                    }
                case .refused(let message):
                    let line = message.firstMatch(of: /^fuzz\.csv line (\d+)/).flatMap { Int($0.1) }
                    #expect(message.hasPrefix("cannot read \(file): ") || line.map { (1...lineCount).contains($0) } == true,
                            "\(message) on \(Fuzzing.keep(input, "csv"))")
                case .failed(let error):
                    Issue.record("not an import error: \(error) on \(Fuzzing.keep(input, "csv"))")
                }
                // Wherever the chunks end, the reading is the same: read again in chunks of 1 to 7 bytes.
                if kind == .members {
                    let cut = Self.read(input, kind: kind, file: file, today: today, chunkBytes: input.count % 7 + 1)
                    #expect(cut == outcome, "in chunks of \(input.count % 7 + 1): \(Fuzzing.keep(input, "csv"))")
                }
            }
        }
    }

    /// What reading a file gave: its rows (by line and command) and bad rows, or a refusal.
    enum Outcome: Equatable {
        case rows([String], problems: [RowProblem])
        case refused(String)
        case failed(String)
    }

    static func read(_ input: [UInt8], kind: ImportKind, file: String, today: CalendarDate, chunkBytes: Int) -> Outcome {
        do {
            let rows = try ImportRows.read(BytesInput(input), kind: kind, file: file, today: today, chunkBytes: chunkBytes)
            return .rows(rows.rows.map { "\($0.line) \($0.command)" }, problems: rows.problems)
        } catch let error as ImportError {
            return .refused(error.message.en)
        } catch {
            return .failed("\(error)")
        }
    }

    @Test func aRefusedImportLeavesTheStoreAsItWas() throws {
        let fixture = try SecurityFixture()
        let file = fixture.directory.path("fuzz.csv")
        var imported = 0
        let executions = try Fuzzing.run("csv import command", seeds: [Self.seeds[0], Self.seeds[3]], salt: 1) { input in
            let before = try Self.head(fixture.store)
            _ = FileManager.default.createFile(atPath: file, contents: Data(input))
            let result = try fixture.run(["import", file, "--kind", "members"])
            if result.status == 0 {
                imported += 1
                return
            }
            #expect(result.status == 1, "exit \(result.status): \(result.stderr) on \(Fuzzing.keep(input, "import"))")
            #expect(try Self.head(fixture.store) == before, "a refused import changed the store")
            let first = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
            // Refused while reading (a whole file, or one record: one line), or rows checked (every bad row on a line of its own).
            let shapes = ["cannot read \(file): ", "\(file) line ", "bad rows, nothing was imported"]
            #expect(shapes.contains { first.contains($0) }, "\(result.stderr)")
            // Each bad row starts a line naming it (a message may quote a value holding a line break).
            if first.contains("bad rows, nothing was imported") {
                #expect(result.stderr.split(separator: "\n").contains { $0.hasPrefix("\(file) line ") }, "\(result.stderr)")
            }
        }
        #expect(executions > imported, "every mutation was accepted: the check saw no refusal")
        #expect(try fixture.run(["verify"]).status == 0)
    }

    /// The last position and hash, which any write changes.
    static func head(_ store: String) throws -> String {
        try DatabaseQueue(path: store).read { try String.fetchOne($0, sql: "SELECT position || ' ' || hash FROM events ORDER BY position DESC LIMIT 1") ?? "" }
    }
}
