import DistrictSimulator
import EventStore
import Foundation
import Projections

/// Runs a simulation into a fresh store in a temporary folder, removed afterwards.
struct SimulatedStore {
    let folder: URL
    let store: EventStore
    let outcome: SimulationOutcome

    /// - Parameter withQueryTables: keep the projections inline (needed to evaluate
    ///   warnings); without them the log alone is written, which is quicker.
    init(_ options: SimulationOptions, withQueryTables: Bool) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-sim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let simulation = DistrictSimulation(options: options)
        let path = folder.appendingPathComponent("district.sqlite").path
        store = withQueryTables
            ? try ProjectionMaintenance.open(path: path, create: true, clock: simulation.clock.now)
            : try EventStore(path: path, create: true, clock: simulation.clock.now)
        outcome = try simulation.run(into: store)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
