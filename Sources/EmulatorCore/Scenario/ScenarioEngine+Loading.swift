import BedrockAPI
import Foundation

extension ScenarioEngine {
    /// Reads and parses the scenario file at `url`; refuses it without touching the one in force.
    public static func read(_ url: URL, model: APIModel) throws(ScenarioError) -> Scenario {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ScenarioError(file: url.path, line: nil, column: nil, path: "", problem: "cannot be read: \(error.localizedDescription)")
        }
        return try Scenario.parse(text, source: url.path, model: model)
    }
}
