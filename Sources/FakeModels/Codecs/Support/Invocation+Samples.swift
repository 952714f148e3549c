import BedrockAPI

extension Invocation {
    /// `count` independent answers to `request` (Cohere's `num_generations`, AI21's `n`):
    /// each sample after the first gets its own seed, as a sampled model would differ.
    func samples(_ request: ChatRequest, count: Int) throws(BedrockError) -> [ChatResult] {
        var results: [ChatResult] = []
        for index in 0..<max(1, count) {
            var variant = request
            variant.sampleIndex = index
            results.append(try reply(variant))
        }
        return results
    }
}
