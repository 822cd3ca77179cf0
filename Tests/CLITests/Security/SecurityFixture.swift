import Foundation
import Testing

/// A small store with one member whose ID-card number and phone were recorded, for the
/// security checks; and ways to look at the store's bytes and run `dangjian` as another user.
struct SecurityFixture {
    static let idCard = "530102199001011231"
    static let phone = "13812345678"
    static let today = DomainSession.today

    /// The store and the commands run against it, as for the secretaries' tests.
    let session: DomainSession
    var directory: TemporaryDirectory { session.directory }
    var store: String { session.store }
    var environment: [String: String] { session.environment }

    init(member: Bool = true) throws {
        session = try DomainSession()
        try ok(["org", "add", "d1", "--name", "区委", "--kind", "district"])
        try ok(["org", "add", "s1", "--name", "街道", "--kind", "street", "--parent", "d1"])
        try ok(["org", "add", "b1", "--name", "第一支部", "--kind", "branch", "--parent", "s1", "--setting", "community"])
        if member {
            try ok(["member", "add", "m01", "--name", "王书记", "--branch", "b1", "--status", "full", "--since", "2010-07-01",
                    "--id-card", Self.idCard, "--phone", Self.phone])
        }
    }

    func run(_ arguments: [String]) throws -> Dangjian.Result {
        try session.run(arguments)
    }

    /// Runs a command that must succeed; returns its whole stdout.
    @discardableResult
    func ok(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try run(arguments)
        #expect(result.status == 0, "dangjian \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        return result.stdout
    }

    /// Whether `text` occurs in the store file or beside it (`-wal`, `-shm`), as UTF-8.
    func storeFilesContain(_ text: String) -> Bool {
        Self.filesContain(Data(text.utf8), [store, store + "-wal", store + "-shm"])
    }

    static func filesContain(_ needle: Data, _ paths: [String]) -> Bool {
        paths.contains { (FileManager.default.contents(atPath: $0) ?? Data()).range(of: needle) != nil }
    }

    static func mode(of path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }
}

/// Runs `dangjian` as an unprivileged user, so that file permissions bind: root reads and
/// writes whatever the modes say. As root, `setpriv` switches to the user `nobody` (65534).
enum UnprivilegedUser {
    static let uid: UInt32 = 65534

    static var isRoot: Bool { geteuid() == 0 }

    /// Whether the permission checks can run here: not root, or root with `setpriv`.
    static var canRun: Bool { !isRoot || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") }

    /// Hands `directory` and everything in it to the unprivileged user (when running as root).
    static func own(_ directory: URL) throws {
        guard isRoot else { return }
        for path in [directory.path] + ((try? FileManager.default.subpathsOfDirectory(atPath: directory.path)) ?? []).map({ directory.appendingPathComponent($0).path }) {
            guard chown(path, uid, uid) == 0 else { throw CocoaError(.fileWriteNoPermission) }
        }
    }

    static func run(_ arguments: [String], environment: [String: String]) throws -> Dangjian.Result {
        guard isRoot else { return try Dangjian.run(arguments, environment: environment) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=\(uid)", "--regid=\(uid)", "--clear-groups", Dangjian.executable.path] + arguments
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C", "USER": "nobody"].merging(environment) { $1 }
        let (out, err) = (Pipe(), Pipe())
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Dangjian.Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
