import BedrockAPI

/// A model that answers in one piece (embeddings, images, rerank): it never streams, so a
/// streaming call is refused before the body is read.
protocol WholeAnswerCodec: ModelCodec {
    func answer(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> NativeAnswer
}

extension WholeAnswerCodec {
    func invoke(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> NativeAnswer {
        try invocation.refuseStreaming()
        return try answer(body, invocation)
    }
}

extension Invocation {
    /// Bedrock's refusal of InvokeModelWithResponseStream for a model that cannot stream;
    /// the runtime usually refuses first, from the catalog.
    func refuseStreaming() throws(BedrockError) {
        if streaming { throw Self.streamingRefused(model.modelId, instead: "InvokeModel") }
    }

    /// Bedrock's refusal to stream a model that cannot; `instead` names the call to use.
    public static func streamingRefused(_ modelId: String, instead: String) -> BedrockError {
        .validation("The model \(modelId) doesn't support streaming. Call \(instead) instead.")
    }
}
