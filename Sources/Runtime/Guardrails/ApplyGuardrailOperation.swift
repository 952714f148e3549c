import BedrockAPI
import EmulatorCore
import FakeModels

/// ApplyGuardrail: judges content with a guardrail version without calling a model.
public enum ApplyGuardrailOperation {
    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        let gate = GuardrailGate(environment: environment)
        registry.register("bedrock-runtime", "ApplyGuardrail") { request in
            let input = request.input
            var texts: [GuardrailText] = []
            var images = 0
            for block in input["content"]?.listValue ?? [] {
                if let text = block["text"] {
                    texts.append(GuardrailText(text["text"]?.stringValue ?? "", qualifiers: text["qualifiers"]?.listValue?.compactMap(\.stringValue) ?? []))
                } else if block["image"] != nil {
                    images += 1
                }
            }
            let source: GuardrailSource = input["source"]?.stringValue == "OUTPUT" ? .output : .input
            let guardrail = try await gate.guardrail(
                identifier: input["guardrailIdentifier"]?.stringValue ?? "", version: input["guardrailVersion"]?.stringValue, request: request)
            let verdict = guardrail.apply(
                source: source, texts: texts, imageCount: images, fullScope: input["outputScope"]?.stringValue == "FULL")
            let evaluation = verdict.evaluation
            return OperationOutput([
                "usage": evaluation.usage, "action": .string(evaluation.action), "actionReason": .string(evaluation.actionReason),
                "outputs": .list(evaluation.outputs.map { ["text": .string($0)] }), "assessments": [verdict.assessment],
                "guardrailCoverage": evaluation.coverage,
            ])
        }
    }
}
