import BedrockAPI
import EmulatorCore
import FakeModels

/// A Converse or ConverseStream call's `guardrailConfig`: the guardrail that judges the
/// conversation's input (only its `guardContent` blocks when it has any) and the model's
/// answer, and the trace it asked for.
struct ConverseGuard: Sendable {
    let guardrail: AppliedGuardrail
    /// `enabled`, `enabled_full` or `disabled`.
    let trace: String
    /// ConverseStream's `async` mode streams the answer unjudged and only reports the verdict.
    let asynchronous: Bool

    /// The guard the request configures; nil without `guardrailConfig`.
    static func configured(_ request: OperationRequest, environment: EmulatorEnvironment) async throws -> ConverseGuard? {
        guard let config = request.input["guardrailConfig"] else { return nil }
        guard let guardrail = try await GuardrailGate(environment: environment).configured(
            identifier: config["guardrailIdentifier"]?.stringValue ?? "", version: config["guardrailVersion"]?.stringValue ?? "",
            request: request)
        else { return nil }
        return ConverseGuard(
            guardrail: guardrail, trace: config["trace"]?.stringValue ?? "disabled",
            asynchronous: config["streamProcessingMode"]?.stringValue == "async")
    }

    /// The texts the input guardrail judges: the `guardContent` blocks of the system prompt
    /// and messages when there are any (AWS's input tagging), else every message's text;
    /// plus the number of guarded images.
    static func inputTexts(_ input: ShapeValue) -> (texts: [GuardrailText], images: Int) {
        var guarded: [GuardrailText] = []
        var images = 0
        var plain: [GuardrailText] = []
        let blocks = (input["system"]?.listValue ?? []) + (input["messages"]?.listValue ?? []).flatMap { $0["content"]?.listValue ?? [] }
        for block in blocks {
            if let content = block["guardContent"] {
                if let text = content["text"] {
                    guarded.append(GuardrailText(
                        text["text"]?.stringValue ?? "", qualifiers: text["qualifiers"]?.listValue?.compactMap(\.stringValue) ?? []))
                } else if content["image"] != nil {
                    images += 1
                }
            }
        }
        for message in input["messages"]?.listValue ?? [] {
            for block in message["content"]?.listValue ?? [] {
                if let text = block["text"]?.stringValue { plain.append(GuardrailText(text)) }
            }
        }
        return guarded.isEmpty && images == 0 ? (plain, 0) : (guarded, images)
    }

    /// The verdict on the request's input.
    func judgeInput(_ input: ShapeValue) -> GuardrailVerdict {
        let (texts, images) = Self.inputTexts(input)
        return guardrail.apply(source: .input, texts: texts, imageCount: images, fullScope: trace == "enabled_full")
    }

    /// The verdict on the model's answer, grounded in the input's `grounding_source` and
    /// `query` guard content.
    func judgeOutput(_ answer: String, input: ShapeValue) -> GuardrailVerdict {
        let references = Self.inputTexts(input).texts.filter(\.isReference)
        return guardrail.apply(source: .output, texts: [GuardrailText(answer)] + references, fullScope: trace == "enabled_full")
    }

    /// The `trace.guardrail` value (botocore `GuardrailTraceAssessment`) when the trace is on.
    func traceValue(input: GuardrailVerdict, output: GuardrailVerdict?, modelOutput: String?) -> ShapeValue? {
        guard trace != "disabled" else { return nil }
        var value: [String: ShapeValue] = ["inputAssessment": .map([guardrail.guardrailId: input.assessment])]
        if let output {
            value["outputAssessments"] = .map([guardrail.guardrailId: [output.assessment]])
            if output.intervened, let modelOutput { value["modelOutput"] = [.string(modelOutput)] }
        }
        let deciding = input.intervened ? input : output?.intervened == true ? output : nil
        value["actionReason"] = .string(deciding?.evaluation.actionReason ?? "No action.")
        return .map(value)
    }
}
