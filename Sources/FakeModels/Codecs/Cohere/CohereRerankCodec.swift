import BedrockAPI
import Foundation

/// Cohere Rerank 3.5: a `query` and `documents` (strings or objects), answered with each
/// document's index and relevance score, best first, cut to `top_n`.
struct CohereRerankCodec: WholeAnswerCodec {
    /// Vector size for scoring; any size works, this one keeps unrelated texts near zero.
    static let dimensions = 512

    struct Request {
        var query = ""
        var documents: [String] = []
        var topN: Int?
    }

    func answer(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> NativeAnswer {
        let request = try read(body)
        let query = Embedder.embed(request.query, dimensions: Self.dimensions)
        let scored = request.documents.enumerated().map { index, document in
            (index, Embedder.relevance(Embedder.cosine(query, Embedder.embed(document, dimensions: Self.dimensions))))
        }
        let ranked = scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(request.topN ?? scored.count)
        var random = SeededRandom(text: "cohere-rerank\u{0}" + body.jsonText)
        let results: [JSONValue] = ranked.map { ["index": .integer(Int64($0.0)), "relevance_score": .double($0.1)] }
        return NativeAnswer(body: ["id": .string(random.uuid()), "results": .array(results)], inputTokens: Self.tokens(request), outputTokens: 0)
    }

    func inputTokens(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> Int {
        Self.tokens(try read(body))
    }

    static func tokens(_ request: Request) -> Int {
        request.documents.reduce(Tokenizer.count(request.query)) { $0 + Tokenizer.count($1) }
    }


    func read(_ json: JSONValue) throws(BedrockError) -> Request {
        var body = try NativeBody(json)
        body.require("query", "documents", "api_version")
        var request = Request()
        request.query = body.string("query") ?? ""
        _ = body.integer("api_version", min: 2, max: 2)
        let documents = body.array("documents", maxItems: 1000) ?? []
        for (index, document) in documents.enumerated() {
            switch document {
            case .string(let text): request.documents.append(text)
            // Objects are ranked on their fields as `key: value` lines.
            case .object(let fields): request.documents.append(CohereTools.documentText(fields))
            default: body.fail("documents/\(index)", "expected type: String or JSONObject, found: \(NativeBody.typeName(document))")
            }
        }
        request.topN = body.integer("top_n", min: 1)
        _ = body.integer("max_tokens_per_doc", min: 1)
        try body.finish()
        return request
    }
}
