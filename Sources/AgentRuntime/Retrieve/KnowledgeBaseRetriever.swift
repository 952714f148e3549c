import BedrockAPI
import EmulatorCore
import FakeModels

/// The one search over a knowledge base that Retrieve, RetrieveAndGenerate, agents and flows
/// share: embeds the query with the emulator's embedder (as ingestion embedded the chunks),
/// ranks the chunks by cosine similarity (HYBRID adds a share for the query's words),
/// applies the metadata `filter`, keeps `numberOfResults` (5 unless told) and, when the
/// configuration asks, reranks them with a rerank model.
public struct KnowledgeBaseRetriever: Sendable {
    let knowledgeBases: ResourceCollection
    let index: KnowledgeBaseIndex

    public init(environment: EmulatorEnvironment) {
        knowledgeBases = .knowledgeBases(environment)
        index = KnowledgeBaseIndex(store: environment.store)
    }

    /// The knowledge base named by an id or ARN in the caller's account; 404 when missing.
    public func knowledgeBase(_ identifier: String, account: AccountContext) async throws -> StoredResource {
        try await knowledgeBases.require(
            identifier, account: account, notFound: .resourceNotFound("The knowledge base \(identifier) does not exist in this account and region."))
    }

    /// The best chunks of `knowledgeBase` for `query`, best first, as a
    /// `KnowledgeBaseVectorSearchConfiguration` value (`configuration`) asks.
    public func retrieve(from knowledgeBase: StoredResource, query: String, configuration: ShapeValue?) async throws -> [KnowledgeBaseSearch.Hit] {
        try await retrieve(knowledgeBaseId: knowledgeBase.id, query: query, configuration: configuration)
    }

    /// The best chunks of the knowledge base with id `knowledgeBaseId` (already looked up
    /// by the caller, as an agent's associations are), as `retrieve(from:)` finds them.
    public func retrieve(knowledgeBaseId: String, query: String, configuration: ShapeValue?) async throws -> [KnowledgeBaseSearch.Hit] {
        let chunks = try await index.chunks(knowledgeBaseId: knowledgeBaseId)
        let vector = Embedder.embed(query, dimensions: chunks.first?.vector.count ?? 1024)
        let hits = KnowledgeBaseSearch().rank(
            chunks, query: query, vector: vector, hybrid: configuration?["overrideSearchType"] == "HYBRID",
            filter: configuration?["filter"].map(RetrievalFilter.init), limit: configuration?["numberOfResults"]?.intValue ?? 5)
        guard let reranking = configuration?["rerankingConfiguration"]?["bedrockRerankingConfiguration"] else { return hits }
        try Reranker.requireRerankModel(reranking["modelConfiguration"]?["modelArn"]?.stringValue ?? "")
        let scores = Reranker.scores(query: query, documents: hits.map(\.chunk.text))
        let order = Reranker.order(scores).prefix(reranking["numberOfRerankedResults"]?.intValue ?? hits.count)
        return order.map { KnowledgeBaseSearch.Hit(chunk: hits[$0].chunk, score: scores[$0]) }
    }

    /// A hit as a `KnowledgeBaseRetrievalResult` value (content, location, score, metadata).
    public static func result(_ hit: KnowledgeBaseSearch.Hit) -> ShapeValue {
        ["content": reference(hit.chunk)["content"] ?? .null, "location": hit.chunk.location, "score": .double(hit.score), "metadata": .map(hit.chunk.metadata)]
    }

    /// A chunk as a `RetrievedReference` value, as citations carry it.
    public static func reference(_ chunk: KnowledgeBaseChunk) -> ShapeValue {
        ["content": ["type": "TEXT", "text": .string(chunk.text)], "location": chunk.location, "metadata": .map(chunk.metadata)]
    }
}
