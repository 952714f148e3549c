import BedrockAPI
import EmulatorCore
import Foundation

/// Makes a scenario's seeded resources through the same handlers the API runs, in the
/// default account and region, each finished at once: a seeded provisioned throughput is
/// InService from the start. A seed whose name is taken already is left as it is, so a
/// scenario put in force again (a PUT, `--watch`) does not make it twice.
struct ResourceSeeder: Sendable {
    let environment: EmulatorEnvironment
    let registry: OperationRegistry
    let account = AccountContext()

    func seed(_ scenario: Scenario) async throws(ScenarioError) {
        guard !scenario.seeds.isEmpty else { return }
        // A seed may read what the scenario puts in the object store (a model's artifacts).
        try environment.writeObjects(of: scenario)
        for seed in scenario.seeds {
            try await make(seed)
        }
        await environment.dueWork.run()
    }

    func make(_ seed: ResourceSeed) async throws(ScenarioError) {
        guard let kind = ResourceSeed.kinds[seed.kind], let handler = registry.handler(for: seed.key) else {
            throw seed.refusal("the emulator does not implement \(seed.key.operation) yet")
        }
        do {
            if let name = seed.name,
                try await environment.store.resource(
                    service: seed.key.service, type: kind.resourceType, account: account.accountId, region: account.region, idOrName: name) != nil
            {
                return
            }
            let context = RequestContext(
                requestId: ResourceID.uuid(), account: account, accessKeyId: nil, receivedAt: environment.clock.now())
            _ = try await TimedJobs.$seeding.withValue(true) {
                try await handler(OperationRequest(key: seed.key, input: seed.input, context: context))
            }
        } catch let error as BedrockError {
            throw seed.refusal("\(seed.key.operation) refused it: \(error.code): \(error.message)")
        } catch {
            throw seed.refusal("\(seed.key.operation) failed: \(error)")
        }
    }
}
