import BedrockAPI
import EmulatorCore
import FakeModels

/// Converse and ConverseStream: one request format for every text model.
public enum ConverseOperations {
    static let service = "bedrock-runtime"

    public static func register(into registry: inout OperationRegistry, models: RuntimeModels, environment: EmulatorEnvironment) {
        let log = RuntimeInvocationLog(environment: environment)
        registry.register(service, "Converse", decidesRules: true) { original in
            let request = try await AccountModelTarget.resolving(original, environment: environment)
            let provisioned = try await ProvisionedTarget.find(request.input["modelId"]?.stringValue ?? "", request: request, environment: environment)
            let guarded = try await ConverseGuard.configured(request, environment: environment)
            let response = try converse(
                request, models: models, streaming: false, environment: environment, provisioned: provisioned, guarded: guarded)
            if let wait = request.context.rules.decision?.answerMs(outputTokens: response.result.outputTokens), wait > 0 {
                try? await Task.sleep(for: .milliseconds(wait))
            }
            await log.conversed(
                original, output: response.output, events: nil, inputTokens: response.result.inputTokens,
                outputTokens: response.result.outputTokens)
            return OperationOutput(response.output, usage: (response.result.inputTokens, response.result.outputTokens))
        }

        registry.register(service, "ConverseStream", decidesRules: true) { original in
            let request = try await AccountModelTarget.resolving(original, environment: environment)
            let provisioned = try await ProvisionedTarget.find(request.input["modelId"]?.stringValue ?? "", request: request, environment: environment)
            let guarded = try await ConverseGuard.configured(request, environment: environment)
            let response = try converse(
                request, models: models, streaming: true, environment: environment, provisioned: provisioned, guarded: guarded)
            await log.conversed(
                original, output: .map([:]), events: response.events, inputTokens: response.result.inputTokens,
                outputTokens: response.result.outputTokens)
            return OperationOutput(
                events: response.events, outputTokens: response.result.outputTokens, decision: request.context.rules.decision,
                usage: (response.result.inputTokens, response.result.outputTokens))
        }
    }

    static func converse(
        _ request: OperationRequest, models: RuntimeModels, streaming: Bool, environment: EmulatorEnvironment,
        provisioned: ProvisionedTarget? = nil, guarded: ConverseGuard? = nil
    ) throws(BedrockError) -> ConverseResponse {
        let started = ContinuousClock.now
        let modelId = provisioned?.foundationModelId ?? request.input["modelId"]?.stringValue ?? ""
        let resolved = try models.resolve(modelId, streaming: streaming, converse: true, provisioned: provisioned != nil)
        let converse = try ConverseRequest(request.input, model: resolved.model)
        let invocation = Invocation.ruled(resolved.model, streaming: streaming, rules: request.context.rules, seed: environment.scenario.seed)
        try invocation.check(converse.chat)
        // A blocked input never reaches the model: the answer is the blocked message.
        let inputVerdict = guarded?.judgeInput(request.input)
        if let guarded, let inputVerdict, inputVerdict.evaluation.blocked {
            var response = ConverseResponse(
                result: ChatResult(content: [.text(inputVerdict.outputText ?? "")], stopReason: .endTurn, inputTokens: 0, outputTokens: 0),
                responseFieldPaths: [], latencyMs: Elapsed.milliseconds(since: started), tokensPerChunk: invocation.tokensPerChunk ?? 3)
            response.guardrailIntervened = true
            response.guardrailTrace = guarded.traceValue(input: inputVerdict, output: nil, modelOutput: nil)
            return response
        }
        var chat = converse.chat
        if let inputVerdict { chat.mask(ConverseGuard.inputTexts(request.input).texts, by: inputVerdict) }
        var result = try invocation.reply(chat)
        let originalText = result.text
        try RuntimeModels.admit(
            resolved, inputTokens: result.inputTokens, outputTokens: result.outputTokens,
            maxOutputTokens: chat.maxTokens ?? resolved.model.maxOutputTokens, request: request, environment: environment,
            provisioned: provisioned)
        let paced = request.context.rules.decision?.answerMs(outputTokens: result.outputTokens) ?? 0
        var streamed: ChatResult?
        var outputVerdict: GuardrailVerdict?
        if let guarded {
            let verdict = guarded.judgeOutput(result.text, input: request.input)
            if verdict.intervened {
                // ConverseStream's async mode has already sent the answer when the verdict comes.
                if guarded.asynchronous { streamed = result }
                result.content = [.text(verdict.outputText ?? "")]
            }
            outputVerdict = verdict
        }
        var response = ConverseResponse(
            result: result, responseFieldPaths: converse.responseFieldPaths, latencyMs: Elapsed.milliseconds(since: started) + paced,
            tokensPerChunk: invocation.tokensPerChunk ?? 3)
        if let guarded, let inputVerdict, let outputVerdict {
            response.streamedResult = streamed
            response.guardrailIntervened = inputVerdict.intervened || outputVerdict.intervened
            response.guardrailTrace = guarded.traceValue(input: inputVerdict, output: outputVerdict, modelOutput: originalText)
        }
        return response
    }
}
