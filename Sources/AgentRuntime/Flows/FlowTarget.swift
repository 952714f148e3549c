import BedrockAPI
import EmulatorCore
import Foundation

/// What an InvokeFlow or StartFlowExecution runs: the flow, the alias named, and the
/// definition of the version the alias routes to (`TSTALIASID`: the prepared DRAFT).
struct FlowTarget: Sendable {
    static let testAliasId = "TSTALIASID"

    var flow: StoredResource
    var aliasId: String
    var version: String
    /// The definition, execution role and key of the version that runs.
    var snapshot: ShapeValue

    var definition: FlowDefinition { FlowDefinition(snapshot["definition"]) }

    /// The flow and alias the request names; an unknown flow, alias or version is a 404, a
    /// DRAFT that is not Prepared a ValidationException.
    static func resolve(_ request: OperationRequest, environment: EmulatorEnvironment) async throws -> FlowTarget {
        let account = request.context.account
        var flow = try await Self.flow(request, environment: environment)
        if flow.value["status"]?.stringValue == "Preparing" {
            // PrepareFlow's job belongs to bedrock-agent; let due work finish it before reading.
            await environment.dueWork.run()
            flow = try await Self.flow(request, environment: environment)
        }
        let aliasId = lastPart(request.input["flowAliasIdentifier"]?.stringValue ?? "")
        if aliasId == testAliasId {
            let status = flow.value["status"]?.stringValue ?? "NotPrepared"
            guard status == "Prepared" else {
                throw BedrockError.validation(
                    "The flow \(flow.id) is \(status). Call PrepareFlow and wait until GetFlow shows Prepared before invoking its DRAFT through TSTALIASID.")
            }
            return FlowTarget(flow: flow, aliasId: aliasId, version: "DRAFT", snapshot: flow.value)
        }
        let alias = try await ResourceCollection.flowAliases(environment).require(
            ResourceCollection.flowAliasID(flowId: flow.id, aliasId: aliasId), account: account,
            notFound: .resourceNotFound("The alias \(aliasId) does not exist for flow \(flow.id). ListFlowAliases shows its aliases; TSTALIASID runs the DRAFT."))
        let version = alias.value["routingConfiguration"]?.listValue?.first?["flowVersion"]?.stringValue ?? ""
        let stored = try await ResourceCollection.flowVersions(environment).require(
            ResourceCollection.flowVersionID(flowId: flow.id, version: version), account: account,
            notFound: .resourceNotFound("The alias \(aliasId) routes to version \(version) of flow \(flow.id), which no longer exists. Point the alias at an existing version."))
        return FlowTarget(flow: flow, aliasId: aliasId, version: version, snapshot: stored.value)
    }

    /// The flow the request's `flowIdentifier` names (id or ARN); unknown is a 404.
    static func flow(_ request: OperationRequest, environment: EmulatorEnvironment) async throws -> StoredResource {
        let identifier = request.input["flowIdentifier"]?.stringValue ?? ""
        return try await ResourceCollection.flows(environment).require(
            identifier, account: request.context.account,
            notFound: .resourceNotFound("The flow \(identifier) does not exist in this account and region. Check the flow id or ARN (ListFlows)."))
    }

    /// The id an identifier names: itself, or the last part of its ARN.
    static func lastPart(_ identifier: String) -> String {
        identifier.hasPrefix("arn:") ? String(identifier.split(separator: "/").last ?? "") : identifier
    }

    /// The inputs of the request (`FlowInput` list).
    static func inputs(_ request: OperationRequest) -> [FlowEngine.Input] {
        (request.input["inputs"]?.listValue ?? []).map {
            FlowEngine.Input(
                node: $0["nodeName"]?.stringValue ?? "", output: $0["nodeOutputName"]?.stringValue ?? "document",
                document: $0["content"]?["document"] ?? .null)
        }
    }
}
