import Foundation

/// Prompt optimization (OptimizePrompt, advanced prompt optimization jobs): a deterministic
/// analysis of a prompt and a rewrite in the conventions of the model family it targets,
/// keeping every `{{variable}}` as written.
public enum PromptOptimizer {
    /// How a family likes its prompts written.
    public enum Style: String, Sendable {
        /// Anthropic Claude: instructions and task in XML tags.
        case xmlTags
        /// Meta Llama 3 and later: the header tokens of its chat format.
        case llamaHeaders
        /// Everything else: a plain, structured prompt.
        case plain
    }

    /// The style for `model`'s family.
    public static func style(for model: FoundationModel) -> Style {
        switch model.codec {
        case "anthropic": return .xmlTags
        case "llama": return .llamaHeaders
        default: return .plain
        }
    }

    /// What the analysis step reports about `prompt`: its length, its variables and the
    /// parts a good prompt has (task, context, output format, examples) that it lacks.
    public static func analysis(of prompt: String, for model: FoundationModel) -> String {
        let text = prompt.trimmingCharacters(in: .whitespacesAndNewlines)
        let words = text.split(whereSeparator: { $0.isWhitespace }).count
        let sentences = max(1, text.split(whereSeparator: { ".!?\n".contains($0) }).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count)
        let variables = PromptVariables.names(in: text)
        let lower = text.lowercased()
        var missing: [String] = []
        if !["format", "json", "list", "bullet", "table", "words", "sentences"].contains(where: lower.contains) { missing.append("an output format") }
        if !["example", "e.g.", "for instance"].contains(where: lower.contains) { missing.append("examples") }
        if !["you are", "act as", "as a", "role"].contains(where: lower.contains) { missing.append("a role") }
        var parts = ["The prompt has \(words) words in \(sentences) sentence\(sentences == 1 ? "" : "s")"]
        parts[0] += variables.isEmpty
            ? " and no variables."
            : " and \(variables.count) variable\(variables.count == 1 ? "" : "s") (\(variables.map { "{{\($0)}}" }.joined(separator: ", "))), kept as written."
        parts.append(missing.isEmpty ? "It states a role, an output format and examples." : "It does not state \(list(missing)).")
        let how: String
        switch style(for: model) {
        case .xmlTags: how = "The rewrite puts the instructions and the task in XML tags, as \(model.modelName) reads best."
        case .llamaHeaders: how = "The rewrite uses \(model.modelName)'s system and user headers."
        case .plain: how = "The rewrite gives \(model.modelName) a role, the task and a closing instruction in plain sections."
        }
        parts.append(how)
        return parts.joined(separator: " ")
    }

    /// `prompt` rewritten for `model`'s family; the same input always gives the same text.
    public static func optimize(_ prompt: String, for model: FoundationModel) -> String {
        let task = prompt.trimmingCharacters(in: .whitespacesAndNewlines)
        switch style(for: model) {
        case .xmlTags:
            return """
                You are a careful, precise assistant.

                <instructions>
                Read the task below closely and answer it directly.
                If the task cannot be answered from the information given, say so instead of guessing.
                Write your answer inside <answer></answer> tags.
                </instructions>

                <task>
                \(task)
                </task>
                """
        case .llamaHeaders:
            return "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n"
                + "You are a careful, precise assistant. Answer the user's task directly. If it cannot be answered from the information given, say so instead of guessing.<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>\n\n\(task)<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n"
        case .plain:
            return plain(task, criteria: [])
        }
    }

    /// The family-neutral rewrite: an explicit role, the task, the steering criteria as
    /// requirements, and a closing instruction.
    public static func plain(_ prompt: String, criteria: [String]) -> String {
        var parts = ["You are a careful, precise assistant. Read the task below and answer it directly.", prompt.trimmingCharacters(in: .whitespacesAndNewlines)]
        if !criteria.isEmpty { parts.append("Your answer must:\n" + criteria.map { "- \($0)" }.joined(separator: "\n")) }
        parts.append("If the task cannot be answered from the information given, say so instead of guessing.")
        return parts.joined(separator: "\n\n")
    }

    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " or " + (items.last ?? "")
    }
}
