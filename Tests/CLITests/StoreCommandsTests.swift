import Foundation
import Testing

@Suite struct StoreCommandsTests {
    @Test func initCreatesAnOwnerOnlyStoreAndVerifyPasses() throws {
        let dir = try TemporaryDirectory()
        let store = dir.path("hub.sqlite")
        let created = try Dangjian.run(["init", "--store", store])
        #expect(created.status == 0)
        #expect(created.stdout.contains("created store"))
        let mode = try FileManager.default.attributesOfItem(atPath: store)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let again = try Dangjian.run(["init", "--store", store])
        #expect(again.status == 0)
        #expect(again.stdout.contains("already exists"))
        let verified = try Dangjian.run(["verify"], environment: ["DANGJIAN_STORE": store])
        #expect(verified.status == 0)
        #expect(verified.stdout.contains("chain verified: 0 events"))
    }
}
