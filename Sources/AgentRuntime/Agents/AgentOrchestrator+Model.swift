import BedrockAPI
import EmulatorCore
import FakeModels
import Runtime

extension AgentOrchestrator {
    /// One call of the agent's model through `ModelCall` (resolution, access, scenario
    /// rules, quotas), with its `modelInvocationInput` and `modelInvocationOutput` traces.
    /// Each step after the first is decided afresh by the scenario's rules.
    func invokeModel(_ chat: ChatRequest, step: Int, traceId: String) async throws -> (ChatResult, [AgentTurn.Event]) {
        var chat = chat
        chat.temperature = 0
        let context = request.context
        let stepRequest = step == 0
            ? request
            : OperationRequest(
                key: request.key, input: request.input,
                context: RequestContext(
                    requestId: context.requestId, account: context.account, accessKeyId: context.accessKeyId, receivedAt: context.receivedAt,
                    rules: context.rules.followUp()))
        let started = environment.clock.now()
        let (_, result) = try await ModelCall(environment: environment).reply(to: chat, modelId: setup.foundationModel, request: stepRequest)
        let ended = environment.clock.now()
        let prompt: JSONValue = [
            "system": .string(chat.system.joined(separator: "\n")), "messages": .array(chat.messages.map(AgentSession.json)),
            "tools": .array(chat.tools.map { ["name": .string($0.name), "description": .string($0.description), "inputSchema": $0.inputSchema] }),
        ]
        let raw: JSONValue = ["content": .array(result.content.compactMap(AgentSession.json)), "stopReason": .string(Self.spelling(of: result.stopReason))]
        let input: ShapeValue = [
            "traceId": .string(traceId), "type": "ORCHESTRATION", "text": .string(prompt.jsonText), "foundationModel": .string(setup.foundationModel),
            "inferenceConfiguration": ["temperature": 0.0], "promptCreationMode": "DEFAULT", "parserMode": "DEFAULT",
        ]
        let output: ShapeValue = [
            "traceId": .string(traceId), "rawResponse": ["content": .string(raw.jsonText)],
            "metadata": [
                "usage": ["inputTokens": .integer(Int64(result.inputTokens)), "outputTokens": .integer(Int64(result.outputTokens))],
                "startTime": .timestamp(started), "endTime": .timestamp(ended),
                "totalTimeMs": .integer(Int64((ended.timeIntervalSince(started) * 1000).rounded())),
            ],
        ]
        return (result, [.trace(orchestration(["modelInvocationInput": input])), .trace(orchestration(["modelInvocationOutput": output]))])
    }

    /// A stop reason in Converse's spelling.
    static func spelling(of reason: StopReason) -> String {
        switch reason {
        case .endTurn: "end_turn"
        case .maxTokens: "max_tokens"
        case .stopSequence: "stop_sequence"
        case .toolUse: "tool_use"
        }
    }
}
