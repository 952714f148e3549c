import BedrockAPI
import EmulatorCore
import FakeModels

/// Converse and ConverseStream: one request format for every text model.
public enum ConverseOperations {
    static let service = "bedrock-runtime"

    public static func register(into registry: inout OperationRegistry, models: RuntimeModels, environment: EmulatorEnvironment) {
        registry.register(service, "Converse") { request in
            let response = try converse(request, models: models, streaming: false, environment: environment)
            return OperationOutput(response.output, usage: (response.result.inputTokens, response.result.outputTokens))
        }

        registry.register(service, "ConverseStream") { request in
            let response = try converse(request, models: models, streaming: true, environment: environment)
            return OperationOutput(
                .map([:]), events: OperationOutput.stream(of: response.events), usage: (response.result.inputTokens, response.result.outputTokens))
        }
    }

    static func converse(
        _ request: OperationRequest, models: RuntimeModels, streaming: Bool, environment: EmulatorEnvironment
    ) throws(BedrockError) -> ConverseResponse {
        let started = ContinuousClock.now
        let resolved = try models.resolve(request.input["modelId"]?.stringValue ?? "", streaming: streaming, converse: true)
        let converse = try ConverseRequest(request.input, model: resolved.model)
        let invocation = Invocation(model: resolved.model, streaming: streaming)
        try invocation.check(converse.chat)
        let result = invocation.reply(converse.chat)
        try RuntimeModels.admit(
            resolved, inputTokens: result.inputTokens, outputTokens: result.outputTokens,
            maxOutputTokens: converse.chat.maxTokens ?? resolved.model.maxOutputTokens, request: request, environment: environment)
        return ConverseResponse(result: result, responseFieldPaths: converse.responseFieldPaths, latencyMs: Elapsed.milliseconds(since: started))
    }
}
