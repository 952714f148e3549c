import BedrockAPI

/// Runs the nodes that call out of the flow (Prompt, KnowledgeBase, LambdaFunction, Storage,
/// Retrieval, Agent, Lex, InlineCode); the engine runs Input, Output, Condition, Iterator
/// and Collector itself.
public protocol FlowNodeRunner: Sendable {
    /// The node's outputs for its input values, and the call it made, if any.
    func run(_ node: FlowDefinition.Node, inputs: [String: ShapeValue]) async throws -> (outputs: [String: ShapeValue], action: FlowStep.Action?)
}
