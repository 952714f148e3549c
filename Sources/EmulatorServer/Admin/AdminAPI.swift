import BedrockAPI
import EmulatorCore
import Foundation

/// The emulator's own API under `/_emulator/`: health, reset, scenario, clock, journal,
/// quotas and jobs.
public struct AdminAPI: Sendable {
    public static let version = "0.1.0"

    let startedAt: Date
    let implementedOperations: Int
    /// The state the admin API reads and resets: journal, clock, quotas, store, objects.
    let environment: EmulatorEnvironment
    /// Makes a scenario's seeded resources with the API's own handlers.
    let seeder: ResourceSeeder

    init(environment: EmulatorEnvironment, registry: OperationRegistry, startedAt: Date = Date()) {
        self.startedAt = startedAt
        self.implementedOperations = registry.implemented.count
        self.environment = environment
        self.seeder = ResourceSeeder(environment: environment, registry: registry)
    }

    var journal: Journal { environment.journal }
    var clock: any EmulatorClock { environment.clock }
    var quotas: RuntimeQuotas { environment.quotas }

    func handle(method: String, path: String, query: [(name: String, value: String)] = [], body: Data?) async -> EncodedResponse {
        switch (method, path) {
        case ("GET", "/_emulator/journal"):
            return journalEntries(query)
        case ("POST", "/_emulator/reset"):
            return await reset(body)
        case ("GET", "/_emulator/quotas"):
            let usage = quotas.usage(now: clock.now()).map { use -> JSONValue in
                ["accountId": .string(use.account), "region": .string(use.region), "model": .string(use.model),
                 "requests": .integer(Int64(use.requests)), "tokens": .integer(Int64(use.tokens))]
            }
            let mode = environment.scenario.quotaMode ?? quotas.mode
            // The scenario's own per-model limits apply whatever the mode says.
            let limits = environment.scenario.scenario.models.compactMap { policy -> JSONValue? in
                guard let limit = policy.quotas else { return nil }
                return ["model": .string(policy.model.pattern),
                        "requestsPerMinute": limit.requestsPerMinute.map { .integer(Int64($0)) } ?? .null,
                        "tokensPerMinute": limit.tokensPerMinute.map { .integer(Int64($0)) } ?? .null]
            }
            return Self.json(200, [
                "mode": .string(mode.rawValue), "windowSeconds": .integer(Int64(RuntimeQuotas.window)), "scenarioLimits": .array(limits),
                "usage": .array(usage),
            ])
        case ("GET", "/_emulator/scenario"):
            return scenarioState()
        case ("PUT", "/_emulator/scenario"):
            return await replaceScenario(body)
        case ("GET", "/_emulator/jobs"):
            return await jobList()
        case ("GET", "/_emulator/clock"):
            return clockState()
        case ("POST", "/_emulator/clock"):
            return await moveClock(body)
        case ("DELETE", "/_emulator/journal"):
            journal.clear()
            return Self.json(200, ["cleared": true])
        case ("GET", "/_emulator/health"):
            return Self.json(200, [
                "status": "ok",
                "version": .string(Self.version),
                "uptimeSeconds": .double((Date().timeIntervalSince(startedAt) * 1000).rounded() / 1000),
                "operations": ["implemented": .integer(Int64(implementedOperations)), "total": .integer(Int64(environment.model.operationKeys.count))],
            ])
        default:
            return Self.json(404, ["message": .string("The emulator's admin API has no \(method) \(path).")], errorType: "UnknownOperationException")
        }
    }

    static func json(_ status: Int, _ object: [String: JSONValue], errorType: String? = nil) -> EncodedResponse {
        var headers: [(name: String, value: String)] = [("Content-Type", "application/json")]
        if let errorType { headers.append(("x-amzn-ErrorType", errorType)) }
        return EncodedResponse(status: status, headers: headers, body: Data(JSONWriter.write(.object(object))))
    }
}
