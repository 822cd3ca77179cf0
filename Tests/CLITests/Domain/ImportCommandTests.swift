import Foundation
import Testing

@Suite struct ImportCommandTests {
    static let orgs = """
        id,name,kind,parent,setting,since
        gd,官渡区委,district,,,2020-01-01
        s1,关上街道党工委,street,gd,,2020-01-01
        c1,关上社区党委,community,s1,,2020-01-01
        b1,第一居民区党支部,branch,c1,community,2020-01-01
        g1,一号楼党小组,group,b1,,2020-01-01

        """

    /// `count` members of b1: m0001, m0002, ...
    static func members(_ count: Int) -> String {
        var lines = ["id,name,branch,status,since,group,role,id-card,phone"]
        for index in 1...count {
            lines.append("m\(String(format: "%04d", index)),党员\(index)号,b1,full,2015-03-01,g1,,,")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let meetings = """
        branch,type,date,topic,attendees,group,absent,on-leave,host,recorder,lecturer,place,guests,late-reason
        b1,member-assembly,2025-03-20,"学习党章, 第一章",m0001;m0002,,m0003,m0004:出差,m0001,m0002,,社区活动室,街道干部,
        b1,group-meeting,2025-04-10,楼栋议事,m0001;m0002,g1,,,,,,,,从纸质台账补录
        b1,party-lecture,2025-05-08,党课：初心使命,m0001;m0002;m0003,,,,,,m0001,,,

        """

    static let study = "member,date,hours,kind,course\nm0001;m0002,2025-06-01,3.5,party-school,党史\n"
    static let dues = "member,from,to,amount,date\nm0001,2025-01,2025-06,60.00,2025-06-30\nm0002,2025-01,,10,2025-01-31\n"

    func write(_ text: String, to path: String, encoding: String, bom: Bool = false) throws {
        if encoding == "GB18030" {
            try Python.run("import sys; open(sys.argv[1], 'wb').write(sys.stdin.read().encode('gb18030'))", arguments: [path], input: text)
        } else {
            try Data((bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)).write(to: URL(fileURLWithPath: path))
        }
    }

    /// Imports all five kinds from files in `encoding`; returns each event's id, stream, type and payload.
    func importAll(encoding: String, bom: Bool) throws -> [String] {
        let session = try DomainSession()
        for (kind, text) in [("orgs", Self.orgs), ("members", Self.members(5)), ("meetings", Self.meetings),
                             ("study", Self.study), ("dues", Self.dues)] {
            let file = session.directory.path("\(kind).csv")
            try write(text, to: file, encoding: encoding, bom: bom)
            let output = try session.ok(["import", file, "--kind", kind, "--late-reason", "去年台账补录"])
            #expect(output.hasPrefix("imported"))
        }
        let lines = try session.eventLines()
        _ = try Python.validatePayloads(lines)
        return try lines.map { line in
            let envelope = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let payload = try JSONSerialization.data(withJSONObject: envelope["payload"]!, options: [.sortedKeys])
            return "\(envelope["event_id"]!) \(envelope["stream_id"]!) \(envelope["type"]!) \(String(decoding: payload, as: UTF8.self))"
        }
    }

    @Test func gb18030AndBOMUTF8FilesImportTheSame() throws {
        let gb = try importAll(encoding: "GB18030", bom: false)
        let utf8 = try importAll(encoding: "UTF-8", bom: true)
        #expect(gb.count == 5 + 5 + 3 + 1 + 2)
        #expect(gb == utf8)
        #expect(gb.contains { $0.contains("第一居民区党支部") && $0.contains("organisation.created") })
    }

    @Test func threeBadRowsAmongAThousandAreAllReportedAndNothingIsWritten() throws {
        let session = try DomainSession()
        let orgs = session.directory.path("orgs.csv")
        try write(Self.orgs, to: orgs, encoding: "UTF-8")
        try session.ok(["import", orgs, "--kind", "orgs"])
        var lines = Self.members(1000).split(separator: "\n").map(String.init)
        // File lines are 1-based and line 1 is the header: the row of member N is on line N + 1.
        lines[100] = "m0100,党员100号,b1,full,2015-02-30,g1,,,"   // line 101: no such date
        lines[500] = "m0500,党员500号,b1,member,2015-03-01,g1,,,"   // line 501: unknown status
        lines[999] = "m0999,党员999号,nowhere,full,2015-03-01,,,,"  // line 1000: unknown branch
        let file = session.directory.path("members.csv")
        try write(lines.joined(separator: "\n") + "\n", to: file, encoding: "UTF-8")
        let before = try session.eventLines()
        let bytesBefore = try session.fileSnapshot()

        let result = try session.run(["import", file, "--kind", "members"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("3 bad rows, nothing was imported"))
        for line in [101, 501, 1000] {
            #expect(result.stderr.contains("members.csv line \(line):"), "line \(line) not reported: \(result.stderr)")
        }
        #expect(result.stderr.components(separatedBy: "members.csv line").count - 1 == 3)
        #expect(try session.eventLines() == before)
        #expect(try session.fileSnapshot() == bytesBefore)

        let dryRun = try session.run(["import", file, "--kind", "members", "--dry-run"])
        #expect(dryRun.status == 1 && dryRun.stderr.contains("line 501"))
    }

    @Test func aSecondImportOfTheSameFileAddsNothing() throws {
        let session = try DomainSession()
        let orgs = session.directory.path("orgs.csv")
        try write(Self.orgs, to: orgs, encoding: "UTF-8")
        let members = session.directory.path("members.csv")
        try write(Self.members(1000), to: members, encoding: "GB18030")

        let dryRun = try session.ok(["import", orgs, "--kind", "orgs", "--dry-run"])
        #expect(dryRun.contains("5 rows to import") && dryRun.contains("nothing written"))
        #expect(try session.eventLines().isEmpty)

        try session.ok(["import", orgs, "--kind", "orgs"])
        let first = try session.ok(["import", members, "--kind", "members"])
        #expect(first.contains("imported 1000 rows (1000 events), 0 already imported"))
        let after = try session.eventLines()
        #expect(after.count == 1005)
        let second = try session.ok(["import", members, "--kind", "members"])
        #expect(second.contains("imported 0 rows (0 events), 1000 already imported"))
        #expect(try session.ok(["import", orgs, "--kind", "orgs"]).contains("5 already imported"))
        #expect(try session.eventLines() == after)
    }

    @Test func headerProblemsAndUnreadableFilesAreExplained() throws {
        let session = try DomainSession()
        let file = session.directory.path("bad.csv")
        try write("id,nam,kind\nx,y,district\n", to: file, encoding: "UTF-8")
        let result = try session.run(["import", file, "--kind", "orgs"])
        #expect(result.status == 1 && result.stderr.contains("bad.csv line 1 (header): unknown column 'nam'"))
        let missing = try session.run(["import", session.directory.path("none.csv"), "--kind", "orgs"])
        #expect(missing.status == 1 && missing.stderr.contains("cannot read"))
    }
}
