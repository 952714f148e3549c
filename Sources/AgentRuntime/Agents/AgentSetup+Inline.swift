import BedrockAPI
import EmulatorCore

extension AgentSetup {
    /// The agent an InvokeInlineAgent request describes: its model, instruction, action
    /// groups and knowledge bases (which must exist) come with the call.
    static func inline(_ request: OperationRequest, environment: EmulatorEnvironment) async throws -> AgentSetup {
        let input = request.input
        var actions: [AgentAction] = []
        for group in input["actionGroups"]?.listValue ?? [] {
            let name = group["actionGroupName"]?.stringValue ?? ""
            if group["parentActionGroupSignature"] == nil {
                if (group["apiSchema"] == nil) == (group["functionSchema"] == nil) {
                    throw BedrockError.validation("The action group \(name) needs exactly one of apiSchema (an OpenAPI schema) or functionSchema (a list of functions).")
                }
                if group["actionGroupExecutor"] == nil {
                    throw BedrockError.validation(
                        "The action group \(name) needs an actionGroupExecutor: a lambda ARN, or customControl RETURN_CONTROL to get the calls back in the response.")
                }
            }
            actions += try AgentAction.actions(of: group, objects: environment.objects)
        }
        let stored = ResourceCollection.knowledgeBases(environment)
        var knowledgeBases: [(id: String, description: String, configuration: ShapeValue?)] = []
        for knowledgeBase in input["knowledgeBases"]?.listValue ?? [] {
            let id = knowledgeBase["knowledgeBaseId"]?.stringValue ?? ""
            _ = try await stored.require(
                id, account: request.context.account,
                notFound: .resourceNotFound("The knowledge base \(id) does not exist in this account and region. Create it, or leave it out of knowledgeBases."))
            knowledgeBases.append((id, knowledgeBase["description"]?.stringValue ?? "", knowledgeBase["retrievalConfiguration"]))
        }
        return AgentSetup(
            agentId: nil, aliasId: nil, aliasArn: nil, version: nil, foundationModel: input["foundationModel"]?.stringValue ?? "",
            instruction: input["instruction"]?.stringValue ?? "", actions: AgentAction.named(actions), knowledgeBases: knowledgeBases, memory: nil,
            idleSessionSeconds: input["idleSessionTTLInSeconds"]?.intValue ?? 1800, guardrail: input["guardrailConfiguration"],
            processing: AgentProcessingSteps(input["promptOverrideConfiguration"]), sessionScope: "inline")
    }
}
