import EmulatorCore
import Foundation
import Logging

extension EmulatorServer {
    /// Reloads `file` whenever its modification time or size changes (checked twice a
    /// second, which needs no platform file-events API). A bad edit is logged and the
    /// scenario in force stays.
    @discardableResult
    public func watchScenario(_ file: URL, every interval: Duration = .milliseconds(500)) -> Task<Void, Never> {
        let environment = environment
        let seeder = admin.seeder
        let clockChosen = configuration.clockChosen
        var logger = Logger(label: "bedrock-emulator.scenario")
        logger.logLevel = configuration.logLevel
        return Task.detached {
            var seen = Self.stamp(of: file)
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                let now = Self.stamp(of: file)
                guard now != seen else { continue }
                seen = now
                do {
                    var scenario = try ScenarioEngine.read(file, model: environment.model)
                    if clockChosen { scenario.clock = nil }
                    try await seeder.seed(scenario)
                    try environment.install(scenario)
                    logger.info("scenario reloaded", metadata: ["file": "\(file.path)"])
                } catch {
                    logger.error("scenario refused; the previous one stays in force", metadata: ["error": "\(error)"])
                }
            }
        }
    }

    static func stamp(of file: URL) -> [FileAttributeKey: AnyHashable]? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file.path) else { return nil }
        var stamp: [FileAttributeKey: AnyHashable] = [:]
        stamp[.modificationDate] = attributes[.modificationDate] as? Date
        stamp[.size] = attributes[.size] as? Int
        return stamp
    }
}
