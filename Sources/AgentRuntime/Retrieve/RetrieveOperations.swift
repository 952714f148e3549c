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
            let hits = try await search(
                knowledgeBase.id, query: query, configuration: input["retrievalConfiguration"]?["vectorSearchConfiguration"], index: index)
            let results: [ShapeValue] = hits.map { hit in
                var result = reference(hit).mapValue ?? [:]
                result["score"] = .double(hit.score)
                return .map(result)
            }
            return OperationOutput(["retrievalResults": .list(results)])
        }
    }

    /// The knowledge base's best chunks for `query` under a `vectorSearchConfiguration`
    /// (search type, filter, number of results): what Retrieve answers and agents cite.
    static func search(
        _ knowledgeBaseId: String, query: String, configuration: ShapeValue?, index: KnowledgeBaseIndex
    ) async throws -> [KnowledgeBaseSearch.Hit] {
        let chunks = try await index.chunks(knowledgeBaseId: knowledgeBaseId)
        let vector = Embedder.embed(query, dimensions: chunks.first?.vector.count ?? 1024)
        return KnowledgeBaseSearch().rank(
            chunks, query: query, vector: vector, hybrid: configuration?["overrideSearchType"] == "HYBRID",
            filter: configuration?["filter"].map(RetrievalFilter.init), limit: configuration?["numberOfResults"]?.intValue ?? 5)
    }

    /// A retrieved chunk as a reference: its content, location and metadata.
    static func reference(_ hit: KnowledgeBaseSearch.Hit) -> ShapeValue {
        ["content": ["type": "TEXT", "text": .string(hit.chunk.text)], "location": hit.chunk.location, "metadata": .map(hit.chunk.metadata)]
    }
}
