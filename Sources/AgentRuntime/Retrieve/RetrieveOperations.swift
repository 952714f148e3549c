import BedrockAPI
import EmulatorCore
import FakeModels

/// Retrieve: embeds the query with the emulator's embedder (as ingestion embedded the chunks)
/// and ranks the knowledge base's chunks by cosine similarity; HYBRID search adds a share for
/// the query's words found in each chunk. `filter` applies to the chunks' metadata;
/// `numberOfResults` is 5 unless told.
public enum RetrieveOperations {
    static let service = "bedrock-agent-runtime"

    /// Registers Retrieve.
    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        let knowledgeBases = ResourceCollection.knowledgeBases(environment)
        let index = KnowledgeBaseIndex(store: environment.store)

        registry.register(service, "Retrieve") { request in
            let input = request.input
            let knowledgeBase = try await knowledgeBases.require(request, member: "knowledgeBaseId", noun: "knowledge base")
            guard let query = input["retrievalQuery"]?["text"]?.stringValue, !query.isEmpty else {
                throw BedrockError.validation("retrievalQuery.text is required: the emulator's knowledge bases answer text queries.")
            }
            let search = input["retrievalConfiguration"]?["vectorSearchConfiguration"]
            let chunks = try await index.chunks(knowledgeBaseId: knowledgeBase.id)
            let vector = Embedder.embed(query, dimensions: chunks.first?.vector.count ?? 1024)
            let hits = KnowledgeBaseSearch().rank(
                chunks, query: query, vector: vector, hybrid: search?["overrideSearchType"] == "HYBRID",
                filter: search?["filter"].map(RetrievalFilter.init), limit: search?["numberOfResults"]?.intValue ?? 5)
            let results: [ShapeValue] = hits.map { hit in
                [
                    "content": ["type": "TEXT", "text": .string(hit.chunk.text)], "location": hit.chunk.location,
                    "score": .double(hit.score), "metadata": .map(hit.chunk.metadata),
                ]
            }
            return OperationOutput(["retrievalResults": .list(results)])
        }
    }
}
