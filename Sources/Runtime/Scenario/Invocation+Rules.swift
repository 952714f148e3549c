import BedrockAPI
import EmulatorCore
import FakeModels

extension Invocation {
    /// An invocation whose replies a scenario's rules may script: the rule is decided once
    /// the codec has read the conversation, so rules can match on what the user said.
    static func ruled(_ model: FoundationModel, streaming: Bool, rules: CallRules, seed: UInt64) -> Invocation {
        let generator = ChatGenerator(seed: seed)
        return Invocation(model: model, streaming: streaming, tokensPerChunk: { rules.decision?.action.chunkTokens }) {
            request throws(BedrockError) in
            let decision = try rules.decide(model: model.modelId, chat: ChatSubject(request))
            let generated = { generator.reply(to: request, model: model) }
            return decision?.result(for: request, model: model, generated: generated) ?? generated()
        }
    }
}
