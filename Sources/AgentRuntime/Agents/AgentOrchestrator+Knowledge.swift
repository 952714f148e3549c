import BedrockAPI
import EmulatorCore

extension AgentOrchestrator {
    /// Searches each enabled knowledge base for what the user said (with the retrieval
    /// settings `sessionState.knowledgeBaseConfigurations` gives it, else the agent's), with
    /// a lookup input and output in the trace; answers the passages for the model and the
    /// references the answer cites.
    func lookUp(_ text: String, turn: AgentTurn, traceId: String, outcome: inout AgentTurn.Outcome) async throws -> (passages: [String], references: [ShapeValue]) {
        let known = Set(setup.knowledgeBases.map(\.id))
        if let stranger = turn.knowledgeBaseConfigurations.compactMap({ $0["knowledgeBaseId"]?.stringValue }).first(where: { !known.contains($0) }) {
            throw BedrockError.validation(
                "sessionState.knowledgeBaseConfigurations names the knowledge base \(stranger), which is not an enabled knowledge base of this agent.")
        }
        let retriever = KnowledgeBaseRetriever(environment: environment)
        var passages: [String] = []
        var references: [ShapeValue] = []
        for knowledgeBase in setup.knowledgeBases {
            let given = turn.knowledgeBaseConfigurations.first { $0["knowledgeBaseId"]?.stringValue == knowledgeBase.id }?["retrievalConfiguration"]
            let configuration = (given ?? knowledgeBase.configuration)?["vectorSearchConfiguration"]
            let hits = try await retriever.retrieve(knowledgeBaseId: knowledgeBase.id, query: text, configuration: configuration).filter { $0.score > 0 }
            let found = hits.map { KnowledgeBaseRetriever.reference($0.chunk) }
            outcome.events.append(.trace(orchestration([
                "invocationInput": [
                    "traceId": .string(traceId + "-0"), "invocationType": "KNOWLEDGE_BASE",
                    "knowledgeBaseLookupInput": ["knowledgeBaseId": .string(knowledgeBase.id), "text": .string(text)],
                ]
            ])))
            outcome.events.append(.trace(orchestration([
                "observation": ["traceId": .string(traceId + "-0"), "type": "KNOWLEDGE_BASE", "knowledgeBaseLookupOutput": ["retrievedReferences": .list(found)]]
            ])))
            passages += hits.map(\.chunk.text)
            references += found
        }
        return (passages, references)
    }
}
