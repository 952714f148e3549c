import BedrockAPI
import EmulatorCore
import Foundation

extension AdminAPI {
    /// `GET /_emulator/scenario`: the scenario in force, as written, with its rules' names.
    func scenarioState() -> EncodedResponse {
        let scenario = environment.scenario.scenario
        return Self.json(200, [
            "source": .string(scenario.source),
            "seed": .integer(Int64(bitPattern: scenario.seed)),
            "rules": .array(scenario.responses.map { .string($0.name) }),
            "models": .integer(Int64(scenario.models.count)),
            "jobs": .array(scenario.jobs.keys.sorted().map(JSONValue.string)),
            "text": .string(scenario.text),
        ])
    }

    /// `PUT /_emulator/scenario`, body a scenario in YAML or JSON: makes its seeded
    /// resources, puts it in force and starts its rules' counts afresh. A bad one is refused
    /// and the old one stays (resources seeded before the refused one stay too).
    func replaceScenario(_ body: Data?) async -> EncodedResponse {
        guard let body, let text = String(data: body, encoding: .utf8) else {
            return Self.badRequest("Send the scenario (YAML or JSON, UTF-8) as the request body.")
        }
        do {
            let scenario = try Scenario.parse(text, source: "admin", model: environment.model)
            try await seeder.seed(scenario)
            try environment.install(scenario)
            return scenarioState()
        } catch {
            return Self.badRequest("The scenario was refused and the previous one stays in force: \(error)")
        }
    }

    /// `GET /_emulator/jobs`: every job of every type with its status history, after
    /// settling whatever fell due.
    func jobList() async -> EncodedResponse {
        await environment.dueWork.run()
        let jobs = environment.jobs.all.map { job -> JSONValue in
            ["type": .string(job.type), "arn": .string(job.arn), "status": .string(job.status),
             "history": .array(job.history.map { ["status": .string($0.status), "time": .string(Timestamp.iso8601($0.time))] })]
        }
        return Self.json(200, ["jobs": .array(jobs)])
    }
}
