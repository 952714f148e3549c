import BedrockAPI

extension ChatRequest {
    /// Bedrock's first conversation rule: the first message is the user's.
    public func requireUserFirst() throws(BedrockError) {
        guard messages.first?.role == .user else {
            throw .validation("A conversation must start with a user message. Try again with a conversation that starts with a user message.")
        }
    }

    /// Bedrock's second rule: after the first, turns alternate between user and assistant.
    public func requireAlternatingTurns() throws(BedrockError) {
        for (previous, next) in zip(messages, messages.dropFirst()) where previous.role == next.role {
            throw .validation("A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.")
        }
    }
}
