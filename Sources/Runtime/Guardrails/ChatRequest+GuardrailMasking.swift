import FakeModels
import Foundation

extension ChatRequest {
    /// Puts a guardrail's masked input in place of what it judged, so the model reads
    /// `{EMAIL}` where the prompt had an address: each of `judged` becomes the text of
    /// `verdict` at the same position, wherever it stands in the system prompt or messages.
    mutating func mask(_ judged: [GuardrailText], by verdict: GuardrailVerdict) {
        let evaluation = verdict.evaluation
        guard evaluation.intervened, !evaluation.blocked else { return }
        let originals = judged.filter { !$0.isReference }.map(\.text)
        for (original, masked) in zip(originals, evaluation.outputs) where original != masked && !original.isEmpty {
            system = system.map { $0.replacingOccurrences(of: original, with: masked) }
            for m in messages.indices {
                for c in messages[m].content.indices {
                    if case .text(let text) = messages[m].content[c] {
                        messages[m].content[c] = .text(text.replacingOccurrences(of: original, with: masked))
                    }
                }
            }
        }
    }
}
