import BedrockAPI

/// One embedded passage of a knowledge base document, as Retrieve finds it.
public struct KnowledgeBaseChunk: Sendable {
    public var knowledgeBaseId: String
    public var dataSourceId: String
    /// The document's key in its data source: an `s3://` URI or a custom document id.
    public var uri: String
    /// The chunk's place in its document, from 0.
    public var position: Int
    public var chunkId: String
    public var text: String
    /// The document's metadata attributes (documents: strings, numbers, booleans, string lists).
    public var metadata: [String: ShapeValue]
    /// A `RetrievalResultLocation` value.
    public var location: ShapeValue
    public var vector: [Double]

    public init(
        knowledgeBaseId: String, dataSourceId: String, uri: String, position: Int, chunkId: String, text: String,
        metadata: [String: ShapeValue], location: ShapeValue, vector: [Double]
    ) {
        self.knowledgeBaseId = knowledgeBaseId
        self.dataSourceId = dataSourceId
        self.uri = uri
        self.position = position
        self.chunkId = chunkId
        self.text = text
        self.metadata = metadata
        self.location = location
        self.vector = vector
    }
}

/// What the index remembers of one document of a data source.
public struct KnowledgeBaseDocumentRecord: Sendable, Equatable {
    public var uri: String
    /// A `DocumentIdentifier` value, as Get/List documents return it.
    public var identifier: ShapeValue
    /// Digests of the content and of the metadata, to tell new, modified and unchanged apart.
    public var digest: String
    public var metadataDigest: String
    /// A `DocumentStatus` (`INDEXED`, `FAILED`, ...).
    public var status: String
    public var statusReason: String?
    public var updatedAt: Double
    /// `sync` for documents an ingestion job found, `direct` for IngestKnowledgeBaseDocuments.
    public var origin: String

    public init(
        uri: String, identifier: ShapeValue, digest: String, metadataDigest: String, status: String, statusReason: String? = nil,
        updatedAt: Double, origin: String
    ) {
        self.uri = uri
        self.identifier = identifier
        self.digest = digest
        self.metadataDigest = metadataDigest
        self.status = status
        self.statusReason = statusReason
        self.updatedAt = updatedAt
        self.origin = origin
    }
}
