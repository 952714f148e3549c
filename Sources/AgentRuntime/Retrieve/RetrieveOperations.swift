import BedrockAPI
import EmulatorCore
import FakeModels

/// Retrieve: the knowledge base's best chunks for a text query, found by
/// `KnowledgeBaseRetriever` with the request's `vectorSearchConfiguration`.
public enum RetrieveOperations {
    static let service = "bedrock-agent-runtime"

    /// Registers Retrieve.
    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        let retriever = KnowledgeBaseRetriever(environment: environment)

        registry.register(service, "Retrieve") { request in
            let input = request.input
            let knowledgeBase = try await retriever.knowledgeBase(input["knowledgeBaseId"]?.stringValue ?? "", account: request.context.account)
            guard let query = input["retrievalQuery"]?["text"]?.stringValue, !query.isEmpty else {
                throw BedrockError.validation("retrievalQuery.text is required: the emulator's knowledge bases answer text queries.")
            }
            let hits = try await retriever.retrieve(
                from: knowledgeBase, query: query, configuration: input["retrievalConfiguration"]?["vectorSearchConfiguration"])
            return OperationOutput(["retrievalResults": .list(hits.map(KnowledgeBaseRetriever.result))])
        }
    }
}
