import BedrockAPI

/// Ranks a knowledge base's chunks for a query: cosine similarity of the embeddings, plus,
/// for hybrid search, a share for the query's words found in the chunk's text.
public struct KnowledgeBaseSearch: Sendable {
    /// One ranked chunk; `score` is in [0, 1], higher is closer.
    public struct Hit: Sendable {
        public var chunk: KnowledgeBaseChunk
        public var score: Double

        public init(chunk: KnowledgeBaseChunk, score: Double) {
            self.chunk = chunk
            self.score = score
        }
    }

    /// Words too common to say what a passage is about.
    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "i", "in", "is", "it", "of", "on",
        "or", "our", "that", "the", "this", "to", "was", "what", "when", "where", "which", "who", "why", "with", "you", "your",
    ]

    public init() {}

    /// The best `limit` chunks passing `filter`, best first; ties keep document order.
    public func rank(
        _ chunks: [KnowledgeBaseChunk], query: String, vector: [Double], hybrid: Bool, filter: RetrievalFilter?, limit: Int
    ) -> [Hit] {
        let words = Self.keywords(query)
        let hits = chunks.enumerated().compactMap { offset, chunk -> (Int, Hit)? in
            guard filter?.matches(chunk.metadata) ?? true else { return nil }
            let similarity = max(0, Self.cosine(vector, chunk.vector))
            var score = similarity
            if hybrid && !words.isEmpty {
                let found = Self.keywords(chunk.text)
                score = 0.6 * similarity + 0.4 * Double(words.filter(found.contains).count) / Double(words.count)
            }
            return (offset, Hit(chunk: chunk, score: (score * 1e6).rounded() / 1e6))
        }
        return hits.sorted { $0.1.score == $1.1.score ? $0.0 < $1.0 : $0.1.score > $1.1.score }.prefix(max(0, limit)).map(\.1)
    }

    /// The distinct lowercased words of `text`, without stop words or a plural `s`.
    public static func keywords(_ text: String) -> Set<String> {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        return Set(words.filter { !stopWords.contains($0) }.map { $0.count > 3 && $0.hasSuffix("s") ? String($0.dropLast()) : $0 })
    }

    static func cosine(_ a: [Double], _ b: [Double]) -> Double {
        var dot = 0.0, na = 0.0, nb = 0.0
        for (x, y) in zip(a, b) {
            dot += x * y
            na += x * x
            nb += y * y
        }
        return na == 0 || nb == 0 ? 0 : dot / (na.squareRoot() * nb.squareRoot())
    }
}
