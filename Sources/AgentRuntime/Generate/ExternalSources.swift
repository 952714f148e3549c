import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation

/// RetrieveAndGenerate's EXTERNAL_SOURCES: documents given with the request (S3 objects from
/// the local object store, or inline bytes) read as ingestion reads them (.txt, .md, .html,
/// .csv, .json), chunked with the default chunking, embedded and ranked for the question in
/// memory; nothing is stored.
struct ExternalSources: Sendable {
    /// How many passages of the documents reach the model.
    static let passageCount = 5

    let objects: ObjectStore

    /// The best passages of `sources` (a list of `ExternalSource` values) for `query`.
    func passages(_ sources: [ShapeValue], query: String) throws -> [GroundingPassage] {
        var chunks: [KnowledgeBaseChunk] = []
        for source in sources {
            let (name, data, mimeType, location) = try read(source)
            let text: String
            switch DocumentReader.text(of: data, name: name, mimeType: mimeType) {
            case .success(let read): text = read
            case .failure(let failure): throw BedrockError.validation(failure.reason)
            }
            for (position, piece) in Chunker(configuration: nil).chunks(text).enumerated() {
                chunks.append(KnowledgeBaseChunk(
                    knowledgeBaseId: "", dataSourceId: "", uri: name, position: position, chunkId: "\(name)#\(position)", text: piece,
                    metadata: [:], location: location, vector: Embedder.embed(piece, dimensions: 1024)))
            }
        }
        let hits = KnowledgeBaseSearch().rank(
            chunks, query: query, vector: Embedder.embed(query, dimensions: 1024), hybrid: true, filter: nil, limit: Self.passageCount)
        return hits.map(GroundingPassage.init)
    }

    /// A source's name, bytes, MIME type (inline bytes only) and `RetrievalResultLocation`.
    func read(_ source: ShapeValue) throws -> (String, Data, String?, ShapeValue) {
        switch source["sourceType"]?.stringValue {
        case "S3":
            guard let uri = source["s3Location"]?["uri"]?.stringValue else {
                throw BedrockError.validation("An external source of type S3 needs s3Location.uri.")
            }
            guard (try? objects.exists(uri)) == true, let data = try? objects.read(uri) else {
                throw BedrockError.validation("The external source \(uri) could not be read: there is no such object in the local object store.")
            }
            return (uri, data, nil, ["type": "S3", "s3Location": ["uri": .string(uri)]])
        default:
            guard let content = source["byteContent"], let data = content["data"]?.blobValue else {
                throw BedrockError.validation("An external source of type BYTE_CONTENT needs byteContent with contentType, data and identifier.")
            }
            let identifier = content["identifier"]?.stringValue ?? ""
            return (identifier, data, content["contentType"]?.stringValue, ["type": "CUSTOM", "customDocumentLocation": ["id": .string(identifier)]])
        }
    }
}
