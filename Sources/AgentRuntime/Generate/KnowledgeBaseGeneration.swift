import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation
import Runtime

/// What RetrieveAndGenerate and its stream share: find the passages (a knowledge base's, or
/// the external sources'), ask the model through `ModelCall` with the filled prompt, and
/// build the answer from the passages with honest citations, in the request's session.
struct KnowledgeBaseGeneration: Sendable {
    /// One answered turn.
    struct Turn: Sendable {
        var sessionId: String
        var answer: GroundedAnswer
        var passages: [GroundingPassage]
        /// `NONE` or `INTERVENED` when a guardrail is configured, else nil.
        var guardrailAction: String?
        var inputTokens: Int
        var outputTokens: Int

        var citations: [ShapeValue] { answer.citations(passages) }
    }

    let environment: EmulatorEnvironment
    let retriever: KnowledgeBaseRetriever
    let sessions: GenerationSessions

    init(environment: EmulatorEnvironment) {
        self.environment = environment
        self.retriever = KnowledgeBaseRetriever(environment: environment)
        self.sessions = GenerationSessions(environment: environment)
    }

    /// Answers the request's question.
    func answer(_ request: OperationRequest) async throws -> Turn {
        let input = request.input
        let account = request.context.account
        let question = input["input"]?["text"]?.stringValue ?? ""
        guard !question.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw BedrockError.validation("input.text is empty. Ask a question in input.text.")
        }
        let configuration = input["retrieveAndGenerateConfiguration"]
        let type = configuration?["type"]?.stringValue ?? "KNOWLEDGE_BASE"
        let member = type == "EXTERNAL_SOURCES" ? "externalSourcesConfiguration" : "knowledgeBaseConfiguration"
        guard let source = configuration?[member] else {
            throw BedrockError.validation("retrieveAndGenerateConfiguration of type \(type) needs \(member). Add it, or change the type.")
        }
        let generation = source["generationConfiguration"]
        let conversation = try await sessions.open(input["sessionId"]?.stringValue, account: account)
        let guardrail = try await GenerationGuardrail(
            configuration: generation?["guardrailConfiguration"], environment: environment, request: request)

        if let blocked = guardrail.assess(question: question) {
            return try await finish(conversation, question: question, answer: GroundedAnswer(parts: [.init(text: blocked, sources: [])]),
                passages: [], intervened: true, guardrail: guardrail, tokens: (0, 0), account: account)
        }
        let passages: [GroundingPassage]
        if type == "EXTERNAL_SOURCES" {
            passages = try ExternalSources(objects: environment.objects).passages(source["sources"]?.listValue ?? [], query: question)
        } else {
            passages = try await knowledgeBasePassages(source, question: question, conversation: conversation, account: account)
        }

        let prompt = GenerationPrompt(template: generation?["promptTemplate"]?["textPromptTemplate"]?.stringValue, query: question, passages: passages)
        let chat = prompt.chat(history: conversation.history, inference: generation?["inferenceConfig"]?["textInferenceConfig"])
        let (_, result) = try await ModelCall(environment: environment).reply(to: chat, modelId: source["modelArn"]?.stringValue ?? "", request: request)
        // A scenario's scripted reply is the model's answer; the fake models answer from the passages.
        let scripted = !(request.context.rules.decision?.action.replies.isEmpty ?? true)
        var answer = scripted
            ? GroundedAnswer.reading(result.text, passages: passages)
            : GroundedAnswer.composing(question: question, context: conversation.previousQuestion ?? "", passages: passages)
                .limited(maxTokens: chat.maxTokens, stopSequences: chat.stopSequences)
        var intervened = false
        if let blocked = guardrail.assess(answer: answer.text) {
            answer = GroundedAnswer(parts: [.init(text: blocked, sources: [])])
            intervened = true
        }
        let outputTokens = scripted ? result.outputTokens : Tokenizer.count(answer.text)
        return try await finish(conversation, question: question, answer: answer, passages: passages, intervened: intervened,
            guardrail: guardrail, tokens: (result.inputTokens, outputTokens), account: account)
    }

    /// The knowledge base's passages for the question: with the previous question's words
    /// when the session has one (a follow-up leans on it), and, with QUERY_DECOMPOSITION,
    /// one retrieval per part of a compound question, merged.
    func knowledgeBasePassages(
        _ source: ShapeValue, question: String, conversation: GenerationSessions.Conversation, account: AccountContext
    ) async throws -> [GroundingPassage] {
        let knowledgeBase = try await retriever.knowledgeBase(source["knowledgeBaseId"]?.stringValue ?? "", account: account)
        let search = source["retrievalConfiguration"]?["vectorSearchConfiguration"]
        let decompose = source["orchestrationConfiguration"]?["queryTransformationConfiguration"]?["type"] == "QUERY_DECOMPOSITION"
        let queries = (decompose ? Self.subQuestions(question) : [question]).map { query in
            conversation.previousQuestion.map { query + " " + $0 } ?? query
        }
        var seen = Set<String>()
        var passages: [GroundingPassage] = []
        for query in queries {
            for hit in try await retriever.retrieve(from: knowledgeBase, query: query, configuration: search) {
                if seen.insert(hit.chunk.chunkId).inserted { passages.append(GroundingPassage(hit)) }
            }
        }
        return passages
    }

    /// A compound question split at `?`, `;` and ` and ` into the parts that have words of their own.
    static func subQuestions(_ question: String) -> [String] {
        let parts = question.replacingOccurrences(of: " and ", with: "?").split(whereSeparator: { $0 == "?" || $0 == ";" })
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !KnowledgeBaseSearch.keywords($0).isEmpty }
        return parts.count > 1 ? parts : [question]
    }

    func finish(
        _ conversation: GenerationSessions.Conversation, question: String, answer: GroundedAnswer, passages: [GroundingPassage], intervened: Bool,
        guardrail: GenerationGuardrail, tokens: (Int, Int), account: AccountContext
    ) async throws -> Turn {
        try await sessions.record(conversation, question: question, answer: answer.text, account: account)
        return Turn(
            sessionId: conversation.id, answer: answer, passages: passages,
            guardrailAction: guardrail.isConfigured ? (intervened ? "INTERVENED" : "NONE") : nil, inputTokens: tokens.0, outputTokens: tokens.1)
    }
}
