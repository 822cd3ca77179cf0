import Foundation
import Testing

@Suite struct DemoCommandTests {
    /// An existing store is never overwritten by accident: exit 1, a message naming the
    /// file and --force, and the file's bytes as they were.
    @Test func refusesAnExistingStoreWithoutForce() throws {
        let folder = try TemporaryDirectory()
        let store = folder.path("existing.sqlite")
        #expect(try Dangjian.run(["init", "--store", store]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        let refused = try Dangjian.run(["demo", "--store", store])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains(store) && refused.stderr.contains("--force"))
        #expect(refused.stdout.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
    }

    /// With --force the demo replaces the store, prints the traffic lights as of its fixed
    /// "today", and every command it suggests works exactly as printed.
    @Test func buildsTheStreetAndEverySuggestedCommandWorks() throws {
        let folder = try TemporaryDirectory()
        let store = folder.path("demo.sqlite")
        #expect(try Dangjian.run(["init", "--store", store]).status == 0)
        let demo = try Dangjian.run(["demo", "--store", store, "--force"])
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("as of 2026-06-30"))
        #expect(demo.stdout.contains("gd-guanshang"))
        let suggestions = demo.stdout.split(separator: "\n")
            .filter { $0.hasPrefix("  dangjian ") }
            .map { line in line.split(separator: "#")[0].split(separator: " ").dropFirst().map(String.init) }
        #expect(suggestions.count >= 6)
        for arguments in suggestions {
            let result = try Dangjian.run(arguments, in: folder.url)
            #expect(result.status == 0, "dangjian \(arguments.joined(separator: " ")): \(result.stderr)")
            #expect(!result.stdout.isEmpty)
        }
    }
}
