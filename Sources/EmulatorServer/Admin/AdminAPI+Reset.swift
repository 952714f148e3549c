import BedrockAPI
import EmulatorCore
import Foundation

extension AdminAPI {
    /// `POST /_emulator/reset`, body empty or `{"service": "bedrock-runtime"}`: forgets every
    /// resource and its tags (of that service only, when named). A full reset also empties
    /// the local object store, the journal, the quota windows, the job history and the
    /// scenario rules' call counts; the scenario stays in force and its objects are seeded again.
    func reset(_ body: Data?) async -> EncodedResponse {
        var service: String?
        if let body, !body.isEmpty {
            guard let request = try? JSONParser.parse(body), case .object = request else {
                return Self.badRequest("Send no body to reset everything, or {\"service\": \"bedrock-runtime\"}.")
            }
            service = request["service"]?.stringValue
            let services = environment.model.services.map(\.name)
            if let service, !services.contains(service) {
                return Self.badRequest("service must be one of \(services.joined(separator: ", ")), not \(service).")
            }
        }
        do {
            let scope = service
            let removed = try await environment.store.write { db in try db.deleteResources(service: scope) }
            if service == nil {
                try environment.objects.removeAll()
                journal.clear()
                quotas.reset()
                environment.jobs.clear()
                // The scenario stays: its objects and resources come back and its rules count afresh.
                try environment.install(environment.scenario.scenario)
                try await seeder.seed(environment.scenario.scenario)
            }
            var answer: [String: JSONValue] = ["resourcesRemoved": .integer(Int64(removed))]
            answer["service"] = service.map(JSONValue.string) ?? .null
            return Self.json(200, answer)
        } catch {
            return Self.json(500, ["message": .string("The reset failed part way: \(error)")], errorType: "InternalServerException")
        }
    }
}
