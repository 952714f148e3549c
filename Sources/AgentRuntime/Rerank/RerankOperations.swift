import BedrockAPI
import EmulatorCore
import FakeModels

/// Rerank: scores each inline source against the query with `Reranker` and answers the
/// best `numberOfResults` (every source unless told), most relevant first, each with its
/// index in `sources` and the document itself. Every result fits one response, so no
/// `nextToken` is ever returned.
public enum RerankOperations {
    static let service = "bedrock-agent-runtime"

    /// Registers Rerank.
    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        registry.register(service, "Rerank") { request in
            let input = request.input
            if let token = input["nextToken"]?.stringValue {
                throw BedrockError.validation("The nextToken \(token) is not valid: Rerank answers every result in one response. Send the request without nextToken.")
            }
            let configuration = input["rerankingConfiguration"]?["bedrockRerankingConfiguration"]
            try Reranker.requireRerankModel(configuration?["modelConfiguration"]?["modelArn"]?.stringValue ?? "")
            let query = input["queries"]?.listValue?.first?["textQuery"]?["text"]?.stringValue ?? ""
            let sources = input["sources"]?.listValue ?? []
            let documents = try sources.enumerated().map { index, source in try text(of: source["inlineDocumentSource"] ?? .null, index: index) }
            let scores = Reranker.scores(query: query, documents: documents)
            let best = Reranker.order(scores).prefix(configuration?["numberOfResults"]?.intValue ?? sources.count)
            let results: [ShapeValue] = best.map { index in
                ["index": .integer(Int64(index)), "relevanceScore": .double(scores[index]), "document": sources[index]["inlineDocumentSource"] ?? .null]
            }
            return OperationOutput(["results": .list(results)])
        }
    }

    /// The text a source is ranked on: a TEXT document's text, a JSON document's `key: value` lines.
    static func text(of document: ShapeValue, index: Int) throws(BedrockError) -> String {
        switch document["type"]?.stringValue {
        case "TEXT":
            guard let text = document["textDocument"]?["text"]?.stringValue else {
                throw .validation("sources[\(index)].inlineDocumentSource is of type TEXT but has no textDocument.text. Add the text or change the type.")
            }
            return text
        default:
            guard let json = document["jsonDocument"], json != .null else {
                throw .validation("sources[\(index)].inlineDocumentSource is of type JSON but has no jsonDocument. Add the document or change the type.")
            }
            return ShapeEncoder.document(json).documentText
        }
    }
}
