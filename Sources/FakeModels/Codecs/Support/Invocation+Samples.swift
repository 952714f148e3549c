extension Invocation {
    /// `count` independent answers to `request` (Cohere's `num_generations`, AI21's `n`):
    /// each sample after the first gets its own seed, as a sampled model would differ.
    func samples(_ request: ChatRequest, count: Int) -> [ChatResult] {
        (0..<max(1, count)).map { index in
            guard index > 0 else { return reply(request) }
            var variant = request
            variant.sampleIndex = index
            return reply(variant)
        }
    }
}
