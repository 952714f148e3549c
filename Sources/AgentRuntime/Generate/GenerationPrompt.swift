import BedrockAPI
import FakeModels
import Foundation

/// The prompt RetrieveAndGenerate sends its model: the `promptTemplate.textPromptTemplate`
/// (or the default) with `$search_results$`, `$query$` and `$output_format_instructions$`
/// filled, as the system prompt; the session's earlier turns and the question as the
/// conversation; `textInferenceConfig` as the limits.
public struct GenerationPrompt: Sendable {
    /// The template used when the request gives none.
    public static let defaultTemplate = """
        You answer questions from search results. Use only what the numbered search results below say. \
        When they do not hold the answer, say that you could not find it; do not guess.

        $search_results$

        $output_format_instructions$
        """

    /// How the answer is to be marked up so each part names the search results it rests on.
    public static let outputFormatInstructions = """
        Write the answer as <answer> holding one <answer_part> per statement. Put the statement in <text>, \
        and the numbers of the search results it comes from in <sources>, one <source> each. For example: \
        <answer><answer_part><text>A statement.</text><sources><source>1</source></sources></answer_part></answer>
        """

    public var template: String?
    public var query: String
    public var passages: [GroundingPassage]

    public init(template: String?, query: String, passages: [GroundingPassage]) {
        self.template = template
        self.query = query
        self.passages = passages
    }

    /// The passages as numbered search results, counted from 1 as `<source>` cites them.
    public var searchResults: String {
        guard !passages.isEmpty else { return "<search_results>\n</search_results>" }
        let results = passages.enumerated().map { index, passage in
            "<search_result>\n<index>\(index + 1)</index>\n<content>\(passage.text)</content>\n</search_result>"
        }
        return "<search_results>\n" + results.joined(separator: "\n") + "\n</search_results>"
    }

    /// The template with its placeholders filled.
    public var filled: String {
        (template ?? Self.defaultTemplate)
            .replacingOccurrences(of: "$search_results$", with: searchResults)
            .replacingOccurrences(of: "$output_format_instructions$", with: Self.outputFormatInstructions)
            .replacingOccurrences(of: "$query$", with: query)
    }

    /// The model request: the filled template as system prompt, then `history` and the question.
    public func chat(history: [ChatMessage], inference: ShapeValue?) -> ChatRequest {
        var chat = ChatRequest(system: [filled], messages: history + [ChatMessage(role: .user, content: [.text(query)])])
        chat.maxTokens = inference?["maxTokens"]?.intValue
        chat.temperature = inference?["temperature"]?.doubleValue
        chat.topP = inference?["topP"]?.doubleValue
        chat.stopSequences = inference?["stopSequences"]?.listValue?.compactMap(\.stringValue) ?? []
        return chat
    }
}
