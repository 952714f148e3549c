import BedrockAPI
import EmulatorCore

/// GetAgentMemory and DeleteAgentMemory: the session summaries an agent alias keeps
/// under memory ids (`SESSION_SUMMARY`), newest first, past their storage days forgotten.
public enum AgentMemoryOperations {
    static let service = "bedrock-agent-runtime"

    /// Registers GetAgentMemory and DeleteAgentMemory.
    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        let memory = AgentMemory(environment: environment)

        registry.register(service, "GetAgentMemory") { request in
            let input = request.input
            let setup = try await AgentSetup.stored(request, environment: environment)
            let summaries = try await memory.list(
                agentId: setup.agentId ?? "", aliasId: setup.aliasId ?? "", memoryId: input["memoryId"]?.stringValue, account: request.context.account)
            let page = try Page.paginate(
                summaries.map { ShapeValue.map(["sessionSummary": $0.value]) }, maxResults: input["maxItems"]?.intValue,
                nextToken: input["nextToken"]?.stringValue, defaultMaxResults: 100, scope: "GetAgentMemory")
            var output: [String: ShapeValue] = ["memoryContents": .list(page.items)]
            output["nextToken"] = page.nextToken.map(ShapeValue.string)
            return OperationOutput(.map(output))
        }

        registry.register(service, "DeleteAgentMemory") { request in
            let input = request.input
            let setup = try await AgentSetup.stored(request, environment: environment)
            for stored in try await memory.list(
                agentId: setup.agentId ?? "", aliasId: setup.aliasId ?? "", memoryId: input["memoryId"]?.stringValue,
                sessionId: input["sessionId"]?.stringValue, account: request.context.account)
            {
                try await memory.summaries.delete(stored)
            }
            return OperationOutput()
        }
    }
}
