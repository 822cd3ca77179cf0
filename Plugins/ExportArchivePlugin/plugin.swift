import PackagePlugin

// Placeholder: replaced by the archive work.
@main
struct ExportArchivePlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {}
}
