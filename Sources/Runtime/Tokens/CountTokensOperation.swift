import BedrockAPI
import EmulatorCore
import FakeModels

/// CountTokens: what InvokeModel or Converse would count as input for the same request,
/// with the same tokenizer.
public enum CountTokensOperation {
    public static func register(into registry: inout OperationRegistry, models: RuntimeModels) {
        registry.register("bedrock-runtime", "CountTokens") { request in
            let input = request.input["input"]
            // A Converse input needs a model Converse serves; resolve refuses the others.
            let resolved = try models.resolve(request.input["modelId"]?.stringValue ?? "", converse: input?["converse"] != nil)
            let invocation = Invocation(model: resolved.model, streaming: false)
            let tokens: Int
            if let body = input?["invokeModel"]?["body"]?.blobValue {
                tokens = try models.codec(for: resolved.model).inputTokens(InvokeOperations.parseBody(body), invocation)
            } else if let converse = input?["converse"] {
                tokens = ChatGenerator.inputTokens(of: try ConverseRequest(converse, model: resolved.model).chat)
            } else {
                throw BedrockError.validation("The input must contain either invokeModel or converse.")
            }
            return OperationOutput(["inputTokens": .integer(Int64(tokens))])
        }
    }
}
