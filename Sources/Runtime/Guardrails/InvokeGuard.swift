import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation

/// InvokeModel's guardrail headers (`X-Amzn-Bedrock-GuardrailIdentifier`, `-GuardrailVersion`,
/// `-Trace`): the guardrail judges the prompt (only the parts inside the body's guard-content
/// tags when it has any) and the model's answer, and the native body reports the verdict in
/// `amazon-bedrock-guardrailAction` and, when traced, `amazon-bedrock-trace`.
struct InvokeGuard: Sendable {
    let guardrail: AppliedGuardrail
    /// `ENABLED`, `ENABLED_FULL` or `DISABLED`.
    let trace: String

    /// The body member that configures input tagging; Bedrock takes it out before the model sees the body.
    static let configKey = "amazon-bedrock-guardrailConfig"
    static let tagPrefix = "amazon-bedrock-guardrails-guardContent_"

    /// The guard the request's headers configure; nil without them.
    static func configured(_ request: OperationRequest, environment: EmulatorEnvironment) async throws -> InvokeGuard? {
        guard let guardrail = try await GuardrailGate(environment: environment).configured(
            identifier: request.input["guardrailIdentifier"]?.stringValue, version: request.input["guardrailVersion"]?.stringValue,
            request: request)
        else { return nil }
        return InvokeGuard(guardrail: guardrail, trace: request.input["trace"]?.stringValue ?? "DISABLED")
    }

    /// Answers a chat body with the guardrail judging it: a blocked prompt gets the blocked
    /// message in the family's own body without calling the model; a blocked or masked answer
    /// is replaced.
    func answer(
        _ body: JSONValue, codec: any ChatCodec, invocation: Invocation, admit: (ChatResult, ChatRequest) throws(BedrockError) -> Void
    ) throws(BedrockError) -> NativeAnswer {
        var body = body
        var suffix: String?
        if case .object(var members) = body, let config = members.removeValue(forKey: Self.configKey) {
            suffix = config["tagSuffix"]?.stringValue
            body = .object(members)
        }
        var chat = try codec.decode(body, invocation)
        try invocation.check(chat)
        let texts = Self.guardedTexts(&chat, suffix: suffix)
        let full = trace == "ENABLED_FULL"
        let input = guardrail.apply(source: .input, texts: texts, fullScope: full)
        var output: GuardrailVerdict?
        var result: ChatResult
        if input.evaluation.blocked {
            result = ChatResult(content: [.text(input.outputText ?? "")], stopReason: .endTurn, inputTokens: 0, outputTokens: 0)
        } else {
            chat.mask(texts, by: input)
            result = try invocation.reply(chat)
            try admit(result, chat)
            let verdict = guardrail.apply(source: .output, texts: [GuardrailText(result.text)], fullScope: full)
            if verdict.intervened { result.content = [.text(verdict.outputText ?? "")] }
            output = verdict
        }
        let intervened = input.intervened || output?.intervened == true
        var fields: [String: JSONValue] = ["amazon-bedrock-guardrailAction": .string(intervened ? "INTERVENED" : "NONE")]
        if trace != "DISABLED" {
            var traced: [String: JSONValue] = ["input": .object([guardrail.guardrailId: Self.json(input.assessment)])]
            if let output { traced["outputs"] = .array([.object([guardrail.guardrailId: Self.json(output.assessment)])]) }
            fields["amazon-bedrock-trace"] = .object(["guardrail": .object(traced)])
        }
        var answer = NativeAnswer(
            body: invocation.streaming ? .null : Self.adding(fields, to: codec.encode(result, chat, invocation)),
            chunks: invocation.streaming ? codec.chunks(result, chat, invocation) : [],
            inputTokens: result.inputTokens, outputTokens: result.outputTokens,
            maxOutputTokens: chat.maxTokens ?? invocation.model.maxOutputTokens)
        if let last = answer.chunks.indices.last { answer.chunks[last] = Self.adding(fields, to: answer.chunks[last]) }
        return answer
    }

    /// The texts the guardrail judges: the prompt's guard-content tagged parts when it has
    /// any (the tags are taken out of what the model reads), else every message's text.
    static func guardedTexts(_ chat: inout ChatRequest, suffix: String?) -> [GuardrailText] {
        var tagged: [GuardrailText] = []
        var plain: [GuardrailText] = []
        let pattern = "<\(tagPrefix)\(suffix.map(NSRegularExpression.escapedPattern(for:)) ?? "[A-Za-z0-9]+")>([\\s\\S]*?)</\(tagPrefix)[A-Za-z0-9]+>"
        let regex = try? NSRegularExpression(pattern: pattern)
        for m in chat.messages.indices {
            for c in chat.messages[m].content.indices {
                guard case .text(let text) = chat.messages[m].content[c] else { continue }
                plain.append(GuardrailText(text))
                guard let regex else { continue }
                let whole = NSRange(text.startIndex..<text.endIndex, in: text)
                let found = regex.matches(in: text, range: whole)
                guard !found.isEmpty else { continue }
                for match in found { if let range = Range(match.range(at: 1), in: text) { tagged.append(GuardrailText(String(text[range]))) } }
                chat.messages[m].content[c] = .text(regex.stringByReplacingMatches(in: text, range: whole, withTemplate: "$1"))
            }
        }
        return tagged.isEmpty ? plain : tagged
    }

    static func adding(_ fields: [String: JSONValue], to body: JSONValue) -> JSONValue {
        guard case .object(var members) = body else { return body }
        members.merge(fields) { _, new in new }
        return .object(members)
    }

    /// An assessment as plain JSON, for the native body.
    static func json(_ value: ShapeValue) -> JSONValue {
        ShapeEncoder.document(value)
    }
}
