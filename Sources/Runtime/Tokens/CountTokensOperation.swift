import BedrockAPI
import EmulatorCore
import FakeModels

/// CountTokens: what InvokeModel or Converse would count as input for the same request,
/// with the same tokenizer.
public enum CountTokensOperation {
    public static func register(into registry: inout OperationRegistry, models: RuntimeModels) {
        registry.register("bedrock-runtime", "CountTokens") { request in
            let resolved = try models.resolve(request.input["modelId"]?.stringValue ?? "")
            let invocation = Invocation(model: resolved.model, streaming: false)
            let input = request.input["input"]
            let tokens: Int
            if let body = input?["invokeModel"]?["body"]?.blobValue {
                tokens = try models.codec(for: resolved.model).inputTokens(InvokeOperations.parseBody(body), invocation)
            } else if let converse = input?["converse"] {
                guard resolved.model.supports(.converse) else {
                    throw BedrockError.validation("This action doesn't support the model that you provided. Try again with a supported text or chat model.")
                }
                tokens = ChatGenerator.inputTokens(of: try ConverseRequest(converse, model: resolved.model).chat)
            } else {
                throw BedrockError.validation("The input must contain either invokeModel or converse.")
            }
            return OperationOutput(["inputTokens": .integer(Int64(tokens))])
        }
    }
}
