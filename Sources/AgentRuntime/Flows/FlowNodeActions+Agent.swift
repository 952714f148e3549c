import BedrockAPI
import EmulatorCore

extension FlowNodeActions {
    /// An Agent node: the agent alias `agentAliasArn` names answers `agentInputText` through
    /// the same orchestration InvokeAgent runs, in a session of its own; the node's output is
    /// the agent's answer. An agent that hands control back has nobody to answer it here.
    func agent(_ settings: ShapeValue, inputs: [String: ShapeValue], output: String) async throws -> (outputs: [String: ShapeValue], action: FlowStep.Action?) {
        let text = inputs["agentInputText"]?.stringValue ?? ""
        let aliasArn = settings["agentAliasArn"]?.stringValue ?? ""
        let path = aliasArn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).last?.split(separator: "/") ?? []
        guard path.count == 3, path[0] == "agent-alias" else {
            throw BedrockError.validation("The Agent node's agentAliasArn \(aliasArn) is not an agent alias ARN (arn:aws:bedrock:REGION:ACCOUNT:agent-alias/AGENT_ID/ALIAS_ID).")
        }
        let agentRequest = OperationRequest(
            key: request.key, input: ["agentId": .string(String(path[1])), "agentAliasId": .string(String(path[2])), "inputText": .string(text)],
            context: request.context)
        let setup = try await AgentSetup.stored(agentRequest, environment: environment)
        let sessionId = ResourceID.uuid(using: environment.ids)
        let outcome = try await AgentConversation(
            environment: environment, setup: setup, request: agentRequest, sessionId: sessionId, state: nil, memoryId: nil
        ).run()
        if let failure = outcome.failure { throw failure }
        var answer = ""
        for event in outcome.events {
            switch event {
            case .chunk(let chunk, _): answer += chunk
            case .returnControl:
                throw BedrockError.validation(
                    "The agent \(path[1]) behind the Agent node handed control back to its caller; a flow cannot answer a return of control. Use Lambda executors for agents in flows.")
            case .trace: break
            }
        }
        let response = ShapeValue.string(answer)
        return ([output: response], FlowStep.Action(
            service: "bedrock-agent-runtime", operation: "InvokeAgent", request: ["inputText": .string(text), "sessionId": .string(sessionId)],
            response: response))
    }
}
