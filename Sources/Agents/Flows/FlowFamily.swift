import BedrockAPI
import EmulatorCore
import Foundation

/// What every flow build-time operation shares: the stored flows, versions and aliases,
/// PrepareFlow's timed job (`Preparing` -> `Prepared`, or `Failed` with the validator's
/// findings), the client tokens of the creates, and the checks AWS makes before a change.
struct FlowFamily: Sendable {
    static let service = "bedrock-agent"
    static let draft = "DRAFT"
    static let testAliasId = "TSTALIASID"
    static let preparingTiming = JobTiming(durations: [("Preparing", 2)], outcome: "Prepared")

    let environment: EmulatorEnvironment
    let flows: ResourceCollection
    let versions: ResourceCollection
    let aliases: ResourceCollection
    let preparing: TimedJobs
    let tokens = IdempotencyTokens()

    init(environment: EmulatorEnvironment) {
        self.environment = environment
        flows = .flows(environment)
        versions = .flowVersions(environment)
        aliases = .flowAliases(environment)
        preparing = TimedJobs(
            type: "flow_prepare", collection: flows, defaultTiming: Self.preparingTiming, startField: "updatedAt",
            fields: .init(status: "status", modified: "updatedAt", end: nil), environment: environment, finish: Self.prepared)
    }

    /// Ends a prepare: a definition with errors leaves the flow Failed with its validations,
    /// as does a scenario whose `flow_prepare` outcome is Failed.
    static let prepared: TimedJobs.Finish = { flow, timing in
        let errors = FlowValidator(FlowDefinition(flow.value["definition"])).validations().filter { $0.severity == "Error" }
        if !errors.isEmpty { return ["status": "Failed", "validations": .list(errors.map(\.value))] }
        if timing.outcome == "Failed" {
            let message = timing.message ?? "The flow could not be prepared, as the scenario says."
            return ["validations": .list([FlowValidation("Unspecified", message).value])]
        }
        return [:]
    }

    var now: Date { environment.clock.now() }

    /// The flow the request's `flowIdentifier` names (id or ARN), moved on by the clock; unknown is a 404.
    func flow(_ request: OperationRequest) async throws -> StoredResource {
        let identifier = request.input["flowIdentifier"]?.stringValue ?? ""
        let stored = try await flows.require(
            identifier, account: request.context.account,
            notFound: .resourceNotFound("The flow \(identifier) does not exist in this account and region. Check the flow id or ARN (ListFlows)."))
        return try await preparing.current(stored)
    }

    /// The flow a change names; refused while it is being prepared, as AWS does.
    func editableFlow(_ request: OperationRequest, operation: String) async throws -> StoredResource {
        let flow = try await flow(request)
        if flow.value["status"]?.stringValue == "Preparing" {
            throw BedrockError.conflict("\(operation) operation can't be performed on Flow \(flow.id) while it is Preparing. Wait until GetFlow shows Prepared or Failed, then try again.")
        }
        return flow
    }

    /// The numbered versions or the aliases of one flow.
    func children(_ collection: ResourceCollection, of flow: StoredResource, account: AccountContext) async throws -> [StoredResource] {
        let flowId = flow.id
        return try await collection.list(account: account).filter { ($0.value["flowId"] ?? $0.value["id"])?.stringValue == flowId }
    }

    /// The numbered version `number` of `flow`; a missing one is a 404.
    func version(_ number: String, of flow: StoredResource, account: AccountContext) async throws -> StoredResource {
        try await versions.require(
            ResourceCollection.flowVersionID(flowId: flow.id, version: number), account: account,
            notFound: .resourceNotFound("The flow \(flow.id) has no version \(number). ListFlowVersions shows the versions it has."))
    }

    /// The id an alias identifier names: the id itself, or the last part of an alias ARN.
    static func aliasId(_ identifier: String) -> String {
        identifier.hasPrefix("arn:") ? String(identifier.split(separator: "/").last ?? "") : identifier
    }
}
