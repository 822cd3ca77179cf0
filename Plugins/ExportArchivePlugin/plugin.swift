import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory export-archive [archive export arguments]`
///
/// Builds the `dangjian` tool (debug, or release when `-c release` is among the arguments)
/// and runs `dangjian archive export` with the remaining arguments, from the package folder,
/// so `--out` and `--store` paths are relative to the checkout.
@main
struct ExportArchivePlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var arguments = arguments
        var configuration = PackageManager.BuildConfiguration.debug
        if let index = arguments.firstIndex(of: "-c"), index + 1 < arguments.count {
            configuration = arguments[index + 1] == "release" ? .release : .debug
            arguments.removeSubrange(index...index + 1)
        }
        let build = try packageManager.build(
            .product("dangjian"), parameters: .init(configuration: configuration, logging: .concise))
        guard build.succeeded, let tool = build.builtArtifacts.first(where: { $0.kind == .executable && $0.url.lastPathComponent == "dangjian" }) else {
            Diagnostics.error("building dangjian failed:\n\(build.logText)")
            return
        }
        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["archive", "export"] + arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            Diagnostics.error("dangjian archive export exited with status \(process.terminationStatus)")
        }
    }
}
