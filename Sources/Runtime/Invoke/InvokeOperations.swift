import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation

/// InvokeModel and InvokeModelWithResponseStream: the model's native body in, its native
/// body (or its own stream chunks) out, with Bedrock's token-count headers and metrics.
public enum InvokeOperations {
    static let service = "bedrock-runtime"

    public static func register(into registry: inout OperationRegistry, models: RuntimeModels, environment: EmulatorEnvironment) {
        let log = RuntimeInvocationLog(environment: environment)
        registry.register(service, "InvokeModel", decidesRules: true) { original in
            let request = try await AccountModelTarget.resolving(original, environment: environment)
            let started = ContinuousClock.now
            let provisioned = try await ProvisionedTarget.find(request.input["modelId"]?.stringValue ?? "", request: request, environment: environment)
            let guarded = try await InvokeGuard.configured(request, environment: environment)
            let (answer, resolved) = try invoke(
                request, models: models, streaming: false, environment: environment, provisioned: provisioned, guarded: guarded)
            let decision = request.context.rules.decision
            if let wait = decision?.answerMs(outputTokens: answer.outputTokens), wait > 0 { try? await Task.sleep(for: .milliseconds(wait)) }
            let latency = Elapsed.milliseconds(since: started)
            await log.invoked(original, model: resolved.model, answer: answer, output: answer.body)
            return OperationOutput(
                ["body": .blob(Data(JSONWriter.write(answer.body))), "contentType": .string(answer.contentType)],
                headers: [
                    ("x-amzn-bedrock-input-token-count", String(answer.inputTokens)),
                    ("x-amzn-bedrock-output-token-count", String(answer.outputTokens)),
                    ("x-amzn-bedrock-invocation-latency", String(latency)),
                ],
                usage: (answer.inputTokens, answer.outputTokens))
        }

        registry.register(service, "InvokeModelWithResponseStream", decidesRules: true) { original in
            let request = try await AccountModelTarget.resolving(original, environment: environment)
            let started = ContinuousClock.now
            let provisioned = try await ProvisionedTarget.find(request.input["modelId"]?.stringValue ?? "", request: request, environment: environment)
            let guarded = try await InvokeGuard.configured(request, environment: environment)
            let (answer, resolved) = try invoke(
                request, models: models, streaming: true, environment: environment, provisioned: provisioned, guarded: guarded)
            let decision = request.context.rules.decision
            // The metrics report the pacing the stream is about to be written with.
            let firstByte = Elapsed.milliseconds(since: started) + (decision?.action.latency?.firstTokenMs ?? 0)
            let latency = Elapsed.milliseconds(since: started) + (decision?.answerMs(outputTokens: answer.outputTokens) ?? 0)
            var chunks = answer.chunks
            if case .object(var last)? = chunks.last {
                last["amazon-bedrock-invocationMetrics"] = [
                    "inputTokenCount": .integer(Int64(answer.inputTokens)),
                    "outputTokenCount": .integer(Int64(answer.outputTokens)),
                    "invocationLatency": .integer(Int64(latency)),
                    "firstByteLatency": .integer(Int64(firstByte)),
                ]
                chunks[chunks.count - 1] = .object(last)
            }
            let events = chunks.map { OperationOutput.Event("chunk", ["bytes": .blob(Data(JSONWriter.write($0)))]) }
            await log.invoked(original, model: resolved.model, answer: answer, output: .array(chunks))
            return OperationOutput(
                ["contentType": .string(answer.contentType)],
                events: events, outputTokens: answer.outputTokens, decision: decision,
                usage: (answer.inputTokens, answer.outputTokens))
        }
    }

    /// Parses the body, resolves the model and lets its codec answer.
    static func invoke(
        _ request: OperationRequest, models: RuntimeModels, streaming: Bool, environment: EmulatorEnvironment,
        provisioned: ProvisionedTarget? = nil, guarded: InvokeGuard? = nil
    ) throws(BedrockError) -> (NativeAnswer, ResolvedModel) {
        let modelId = provisioned?.foundationModelId ?? request.input["modelId"]?.stringValue ?? ""
        let resolved = try models.resolve(modelId, streaming: streaming, provisioned: provisioned != nil)
        let body = try parseBody(request.input["body"]?.blobValue ?? Data())
        let codec = try models.codec(for: resolved.model)
        let rules = request.context.rules
        // Guardrails judge conversations; embeddings and images pass through as without one.
        if let guarded, let chat = codec as? any ChatCodec {
            let invocation = Invocation.ruled(resolved.model, streaming: streaming, rules: rules, seed: environment.scenario.seed)
            let answer = try guarded.answer(body, codec: chat, invocation: invocation) { (result, chatRequest) throws(BedrockError) in
                try RuntimeModels.admit(
                    resolved, inputTokens: result.inputTokens, outputTokens: result.outputTokens,
                    maxOutputTokens: chatRequest.maxTokens ?? resolved.model.maxOutputTokens, request: request, environment: environment,
                    provisioned: provisioned)
            }
            return (answer, resolved)
        }
        let answer = try codec.invoke(body, .ruled(resolved.model, streaming: streaming, rules: rules, seed: environment.scenario.seed))
        // Embeddings and images have no conversation: their rule is decided on the model alone.
        try rules.decide(model: resolved.model.modelId)
        try RuntimeModels.admit(
            resolved, inputTokens: answer.inputTokens, outputTokens: answer.outputTokens, maxOutputTokens: answer.maxOutputTokens,
            request: request, environment: environment, provisioned: provisioned)
        return (answer, resolved)
    }

    static func parseBody(_ data: Data) throws(BedrockError) -> JSONValue {
        do {
            return try JSONParser.parse(data)
        } catch {
            throw .validation("Malformed input request: the body is not valid JSON (\(error.reason) at byte \(error.offset)), please reformat your input and try again.")
        }
    }
}
