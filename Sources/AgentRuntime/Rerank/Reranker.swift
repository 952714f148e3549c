import BedrockAPI
import EmulatorCore
import FakeModels

/// The fake rerank models (`amazon.rerank-v1:0`, `cohere.rerank-v3-5:0`): a document's
/// relevance to a query is the embedder's cosine similarity squashed to (0, 1), as the
/// Cohere Rerank codec scores, blended with the share of the query's words the document
/// holds. Deterministic; Rerank and knowledge-base reranking both use it.
public enum Reranker {
    /// How much of the score the query's words found in the document make up.
    static let overlapWeight = 0.3
    /// Vector size for scoring, the one the Cohere Rerank codec uses.
    static let dimensions = 512

    /// Each document's relevance to `query`, in [0, 1], in the documents' order.
    public static func scores(query: String, documents: [String]) -> [Double] {
        let vector = Embedder.embed(query, dimensions: dimensions)
        let words = KnowledgeBaseSearch.keywords(query)
        return documents.map { document in
            let similarity = Embedder.relevance(Embedder.cosine(vector, Embedder.embed(document, dimensions: dimensions)))
            let overlap = words.isEmpty ? 0 : Double(words.intersection(KnowledgeBaseSearch.keywords(document)).count) / Double(words.count)
            let score = (1 - overlapWeight) * similarity + overlapWeight * overlap
            return (score * 1e6).rounded() / 1e6
        }
    }

    /// The documents' indexes, most relevant first; ties keep the given order.
    public static func order(_ scores: [Double]) -> [Int] {
        scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
    }

    /// Refuses a model that is not a rerank model of the catalog.
    public static func requireRerankModel(_ modelArn: String) throws(BedrockError) {
        guard let model = ModelCatalog.bundled.resolve(modelArn)?.model, model.codec == "cohere-rerank" || model.modelId.contains(".rerank-") else {
            throw .validation(
                "The model \(modelArn) is not a reranking model. Use the ARN of a reranking model, such as arn:aws:bedrock:us-east-1::foundation-model/amazon.rerank-v1:0 or cohere.rerank-v3-5:0.")
        }
    }
}
