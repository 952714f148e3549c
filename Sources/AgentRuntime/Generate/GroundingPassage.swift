import BedrockAPI
import EmulatorCore

/// A passage an answer may draw on: its text, and the `RetrievedReference` value a
/// citation of it carries (content, location, metadata).
public struct GroundingPassage: Sendable, Equatable {
    public var text: String
    public var reference: ShapeValue

    public init(text: String, reference: ShapeValue) {
        self.text = text
        self.reference = reference
    }

    /// A knowledge-base search hit as a passage.
    public init(_ hit: KnowledgeBaseSearch.Hit) {
        self.init(text: hit.chunk.text, reference: KnowledgeBaseRetriever.reference(hit.chunk))
    }
}
