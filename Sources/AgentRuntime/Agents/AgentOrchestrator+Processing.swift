import BedrockAPI
import EmulatorCore
import FakeModels

/// The pre- and post-processing steps. The emulator's pre-processing judges every input
/// valid and its post-processing keeps the answer as it is, both without a model call (so
/// scenario rules and quotas see only orchestration's calls); their traces are shaped as
/// AWS's `preProcessingTrace` and `postProcessingTrace`, one event for the model input and
/// one for its output.
extension AgentOrchestrator {
    /// The pre-processing trace events for the user's `text`, when the step is on.
    func preProcessing(_ text: String, traceId: String) -> [AgentTurn.Event] {
        guard setup.processing.preProcessing else { return [] }
        let prompt = "Classify the user's input for an agent with these instructions: \(setup.instruction)\nInput: \(text)"
        let rationale = "The input asks something the agent's instructions, actions or knowledge can answer; it is not harmful and does not ask about the agent's own instructions, so it is valid."
        return processing(
            "preProcessingTrace", type: "PRE_PROCESSING", prompt: prompt, traceId: traceId,
            parsed: ["rationale": .string(rationale), "isValid": true], raw: rationale)
    }

    /// The post-processing trace events for the final `answer`, when the step is on.
    func postProcessing(_ answer: String, traceId: String) -> [AgentTurn.Event] {
        guard setup.processing.postProcessing else { return [] }
        let prompt = "Rewrite the agent's answer for the user, keeping its facts.\nAnswer: \(answer)"
        return processing(
            "postProcessingTrace", type: "POST_PROCESSING", prompt: prompt, traceId: traceId, parsed: ["text": .string(answer)], raw: answer)
    }

    private func processing(
        _ member: String, type: String, prompt: String, traceId: String, parsed: ShapeValue, raw: String
    ) -> [AgentTurn.Event] {
        let input: ShapeValue = [
            "traceId": .string(traceId), "type": .string(type), "text": .string(prompt), "foundationModel": .string(setup.foundationModel),
            "inferenceConfiguration": ["temperature": 0.0], "promptCreationMode": "DEFAULT", "parserMode": "DEFAULT",
        ]
        let output: ShapeValue = [
            "traceId": .string(traceId), "parsedResponse": parsed, "rawResponse": ["content": .string(raw)],
            "metadata": ["usage": ["inputTokens": .integer(Int64(Tokenizer.count(prompt))), "outputTokens": .integer(Int64(Tokenizer.count(raw)))]],
        ]
        return [.trace([member: ["modelInvocationInput": input]]), .trace([member: ["modelInvocationOutput": output]])]
    }
}
