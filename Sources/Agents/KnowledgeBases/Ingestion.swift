import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation

/// Indexes documents into a knowledge base: reads each one, chunks it as its data source
/// says, embeds the chunks with the emulator's embedder (the vectors Titan embed returns)
/// and stores them in the knowledge base index.
struct Ingestion: Sendable {
    let environment: EmulatorEnvironment
    let index: KnowledgeBaseIndex
    let catalog: ModelCatalog

    /// One document to index.
    struct Source: Sendable {
        /// The document's key: its `s3://` URI, or its custom id.
        var uri: String
        /// A `DocumentIdentifier` value.
        var identifier: ShapeValue
        /// A `RetrievalResultLocation` value.
        var location: ShapeValue
        /// The document's text, or why it could not be read.
        var text: Result<String, DocumentFailure>
        var digest: String
        var metadata: Result<[String: ShapeValue], DocumentFailure>
        var metadataDigest: String
    }

    init(environment: EmulatorEnvironment, catalog: ModelCatalog) {
        self.environment = environment
        self.index = KnowledgeBaseIndex(store: environment.store)
        self.catalog = catalog
    }

    /// The vector size of the knowledge base: its configured dimensions, else its model's default.
    func dimensions(_ knowledgeBase: StoredResource) -> Int {
        let vector = knowledgeBase.value["knowledgeBaseConfiguration"]?["vectorKnowledgeBaseConfiguration"]
        if let given = vector?["embeddingModelConfiguration"]?["bedrockEmbeddingModelConfiguration"]?["dimensions"]?.intValue { return given }
        let model = vector?["embeddingModelArn"]?.stringValue.flatMap { catalog.resolve($0)?.model }
        return model?.embeddingDimensions?.defaultValue ?? 1024
    }

    /// Chunks, embeds and stores one document (replacing what it had); a document that can't
    /// be read is stored as FAILED with the reason.
    @discardableResult
    func put(_ source: Source, origin: String, knowledgeBase: StoredResource, dataSource: StoredResource) async throws -> KnowledgeBaseDocumentRecord {
        var record = KnowledgeBaseDocumentRecord(
            uri: source.uri, identifier: source.identifier, digest: source.digest, metadataDigest: source.metadataDigest, status: "INDEXED",
            updatedAt: environment.clock.now().timeIntervalSince1970, origin: origin)
        var chunks: [KnowledgeBaseChunk] = []
        switch (source.text, source.metadata) {
        case (.failure(let failure), _), (_, .failure(let failure)):
            record.status = "FAILED"
            record.statusReason = failure.reason
        case (.success(let text), .success(let attributes)):
            let dimensions = dimensions(knowledgeBase)
            let pieces = Chunker(configuration: dataSource.value["vectorIngestionConfiguration"]?["chunkingConfiguration"]).chunks(text)
            for (position, piece) in pieces.enumerated() {
                let chunkId = ResourceID.uuid(using: environment.ids)
                var metadata = attributes
                metadata["x-amz-bedrock-kb-source-uri"] = .string(source.uri)
                metadata["x-amz-bedrock-kb-chunk-id"] = .string(chunkId)
                metadata["x-amz-bedrock-kb-data-source-id"] = .string(dataSource.id)
                chunks.append(
                    KnowledgeBaseChunk(
                        knowledgeBaseId: knowledgeBase.id, dataSourceId: dataSource.id, uri: source.uri, position: position, chunkId: chunkId,
                        text: piece, metadata: metadata, location: source.location, vector: Embedder.embed(piece, dimensions: dimensions)))
            }
        }
        try await index.put(record, chunks: chunks, knowledgeBaseId: knowledgeBase.id, dataSourceId: dataSource.id)
        return record
    }

    /// A document of the object store, with its `<uri>.metadata.json` when there is one.
    func source(s3 uri: String, metadataUri: String? = nil) -> Source {
        let identifier: ShapeValue = ["dataSourceType": "S3", "s3": ["uri": .string(uri)]]
        let location: ShapeValue = ["type": "S3", "s3Location": ["uri": .string(uri)]]
        let name = String(uri.split(separator: "/").last ?? "")
        let data = Result { try environment.objects.read(uri) }
        let text = data.mapError { _ in DocumentFailure("The document \(uri) could not be read from the object store.") }
            .flatMap { DocumentReader.text(of: $0, name: name) }
        let metadataFile = metadataUri ?? uri + ".metadata.json"
        var metadata: Result<[String: ShapeValue], DocumentFailure> = .success([:])
        var metadataDigest = ""
        if (try? environment.objects.exists(metadataFile)) == true, let bytes = try? environment.objects.read(metadataFile) {
            metadataDigest = Self.digest(bytes)
            metadata = Self.metadata(file: bytes, uri: metadataFile)
        }
        return Source(
            uri: uri, identifier: identifier, location: location, text: text, digest: (try? data.get()).map(Self.digest) ?? "",
            metadata: metadata, metadataDigest: metadataDigest)
    }

    /// The attributes of a metadata file: `{"metadataAttributes": {"year": 2024, ...}}`, each
    /// value plain or in the typed form `{"value": {"type": "STRING", "stringValue": ...}}`.
    static func metadata(file: Data, uri: String) -> Result<[String: ShapeValue], DocumentFailure> {
        guard let json = try? JSONParser.parse(file), let attributes = json["metadataAttributes"]?.objectValue else {
            return .failure(DocumentFailure("The metadata file \(uri) is not valid: it must be JSON with a metadataAttributes object."))
        }
        var result: [String: ShapeValue] = [:]
        for (key, value) in attributes {
            if let typed = value["value"], typed["type"] != nil {
                result[key] = attribute(ShapeDecoder.document(typed))
            } else {
                result[key] = ShapeDecoder.document(value)
            }
        }
        return .success(result)
    }

    /// A `MetadataAttributeValue` as the plain value Retrieve shows and filters on.
    static func attribute(_ value: ShapeValue) -> ShapeValue {
        switch value["type"]?.stringValue {
        case "NUMBER": value["numberValue"] ?? .null
        case "BOOLEAN": value["booleanValue"] ?? .null
        case "STRING_LIST": value["stringListValue"] ?? .list([])
        default: value["stringValue"] ?? .null
        }
    }

    /// FNV-1a over the bytes: enough to tell a changed document from an unchanged one.
    static func digest(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16) + "-" + String(data.count)
    }
}
