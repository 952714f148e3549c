import BedrockAPI
import Foundation

extension EmulatorEnvironment {
    /// Puts `scenario` in force: checks what can only be chosen at start, seeds its objects,
    /// then swaps it in. A refusal leaves the scenario in force untouched.
    public func install(_ scenario: Scenario) throws(ScenarioError) {
        let virtual = clock is VirtualClock
        switch scenario.clock {
        case .virtual? where !virtual:
            throw ScenarioError(
                file: scenario.source, line: nil, column: nil, path: "clock",
                problem: "the emulator runs on the system clock; the clock is chosen at start (--scenario or --clock virtual)")
        case .system? where virtual:
            throw ScenarioError(
                file: scenario.source, line: nil, column: nil, path: "clock",
                problem: "the emulator runs on a virtual clock; the clock is chosen at start")
        default:
            break
        }
        try writeObjects(of: scenario)
        self.scenario.install(scenario)
    }

    /// Writes the scenario's seeded objects into the local object store (again, if they are there).
    public func writeObjects(of scenario: Scenario) throws(ScenarioError) {
        for object in scenario.objects {
            do {
                try objects.write(object.location.description, object.data)
            } catch {
                throw ScenarioError(
                    file: scenario.source, line: nil, column: nil, path: "resources.objects",
                    problem: "\(object.location) could not be written: \(error)")
            }
        }
    }
}
