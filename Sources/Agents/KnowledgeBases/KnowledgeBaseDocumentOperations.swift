import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation

/// Documents ingested straight into a data source: IngestKnowledgeBaseDocuments (inline text
/// or bytes and S3 objects for CUSTOM data sources, S3 objects for S3 ones; indexed at once,
/// so the answer already says `INDEXED` or `FAILED`), GetKnowledgeBaseDocuments,
/// ListKnowledgeBaseDocuments (also lists what ingestion jobs indexed) and
/// DeleteKnowledgeBaseDocuments.
public enum KnowledgeBaseDocumentOperations {
    static let service = "bedrock-agent"

    /// Registers the document operations.
    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment, catalog: ModelCatalog) {
        let lookup = KnowledgeBaseLookup(environment)
        let ingestion = Ingestion(environment: environment, catalog: catalog)
        let index = ingestion.index

        registry.register(service, "IngestKnowledgeBaseDocuments") { request in
            let (knowledgeBase, dataSource) = try await lookup.dataSource(request)
            // Every document is checked before any is indexed, so a bad one changes nothing.
            let sources = try (request.input["documents"]?.listValue ?? []).map { try source($0, dataSource: dataSource, ingestion: ingestion) }
            var details: [ShapeValue] = []
            for source in sources {
                let record = try await ingestion.put(source, origin: "direct", knowledgeBase: knowledgeBase, dataSource: dataSource)
                details.append(detail(record, knowledgeBase: knowledgeBase.id, dataSource: dataSource.id))
            }
            return OperationOutput(["documentDetails": .list(details)])
        }

        registry.register(service, "GetKnowledgeBaseDocuments") { request in
            let (knowledgeBase, dataSource) = try await lookup.dataSource(request)
            let records = try await index.documents(knowledgeBaseId: knowledgeBase.id, dataSourceId: dataSource.id)
            let details = (request.input["documentIdentifiers"]?.listValue ?? []).map { identifier in
                records.first { $0.uri == key(identifier) }.map { detail($0, knowledgeBase: knowledgeBase.id, dataSource: dataSource.id) }
                    ?? ["knowledgeBaseId": .string(knowledgeBase.id), "dataSourceId": .string(dataSource.id), "status": "NOT_FOUND", "identifier": identifier]
            }
            return OperationOutput(["documentDetails": .list(details)])
        }

        registry.register(service, "ListKnowledgeBaseDocuments") { request in
            let (knowledgeBase, dataSource) = try await lookup.dataSource(request)
            let records = try await index.documents(knowledgeBaseId: knowledgeBase.id, dataSourceId: dataSource.id)
            let page = try ListQuery(request.input, scope: "ListKnowledgeBaseDocuments/\(dataSource.id)").page(of: records)
            return .listing(
                "documentDetails",
                Page(items: page.items.map { detail($0, knowledgeBase: knowledgeBase.id, dataSource: dataSource.id) }, nextToken: page.nextToken))
        }

        registry.register(service, "DeleteKnowledgeBaseDocuments") { request in
            let (knowledgeBase, dataSource) = try await lookup.dataSource(request)
            let records = try await index.documents(knowledgeBaseId: knowledgeBase.id, dataSourceId: dataSource.id)
            var details: [ShapeValue] = []
            for identifier in request.input["documentIdentifiers"]?.listValue ?? [] {
                var value: [String: ShapeValue] = [
                    "knowledgeBaseId": .string(knowledgeBase.id), "dataSourceId": .string(dataSource.id), "identifier": identifier, "status": "NOT_FOUND",
                ]
                if let record = records.first(where: { $0.uri == key(identifier) }) {
                    try await index.remove(uri: record.uri, knowledgeBaseId: knowledgeBase.id, dataSourceId: dataSource.id)
                    value["status"] = "DELETING"
                    value["updatedAt"] = .timestamp(environment.clock.now())
                }
                details.append(.map(value))
            }
            return OperationOutput(["documentDetails": .list(details)])
        }
    }

    /// The index key of a `DocumentIdentifier`: the S3 URI or the custom id.
    static func key(_ identifier: ShapeValue) -> String {
        identifier["custom"]?["id"]?.stringValue ?? identifier["s3"]?["uri"]?.stringValue ?? ""
    }

    static func detail(_ record: KnowledgeBaseDocumentRecord, knowledgeBase: String, dataSource: String) -> ShapeValue {
        var value: [String: ShapeValue] = [
            "knowledgeBaseId": .string(knowledgeBase), "dataSourceId": .string(dataSource), "status": .string(record.status),
            "identifier": record.identifier, "updatedAt": .timestamp(Date(timeIntervalSince1970: record.updatedAt)),
        ]
        value["statusReason"] = record.statusReason.map(ShapeValue.string)
        return .map(value)
    }

    /// One `KnowledgeBaseDocument` of the request as a source to index.
    static func source(_ document: ShapeValue, dataSource: StoredResource, ingestion: Ingestion) throws -> Ingestion.Source {
        let content = document["content"]
        let type = content?["dataSourceType"]?.stringValue ?? ""
        let sourceType = dataSource.value["dataSourceConfiguration"]?["type"]?.stringValue ?? ""
        guard type == sourceType else {
            throw BedrockError.validation("The data source \(dataSource.id) is of type \(sourceType); its documents must have dataSourceType \(sourceType), not \(type).")
        }
        var source: Ingestion.Source
        if type == "S3" {
            let uri = content?["s3"]?["s3Location"]?["uri"]?.stringValue ?? ""
            let bucket = dataSource.value["dataSourceConfiguration"]?["s3Configuration"]?["bucketArn"]?.stringValue?.components(separatedBy: ":::").last ?? ""
            guard uri.hasPrefix("s3://\(bucket)/") else {
                throw BedrockError.validation("The document \(uri) is not in the data source's bucket \(bucket).")
            }
            source = ingestion.source(s3: uri)
        } else {
            source = try custom(content?["custom"], ingestion: ingestion)
        }
        if let metadata = document["metadata"] {
            switch metadata["type"]?.stringValue {
            case "IN_LINE_ATTRIBUTE":
                let attributes = metadata["inlineAttributes"]?.listValue ?? []
                source.metadata = .success(
                    Dictionary(attributes.compactMap { a in a["key"]?.stringValue.map { ($0, Ingestion.attribute(a["value"] ?? .null)) } }, uniquingKeysWith: { $1 }))
                source.metadataDigest = Ingestion.digest(Data(JSONWriter.write(ShapeEncoder.document(metadata))))
            default:
                let uri = metadata["s3Location"]?["uri"]?.stringValue ?? ""
                let data = try ingestion.environment.objects.read(uri)
                source.metadata = Ingestion.metadata(file: data, uri: uri)
                source.metadataDigest = Ingestion.digest(data)
            }
        }
        return source
    }

    static func custom(_ custom: ShapeValue?, ingestion: Ingestion) throws -> Ingestion.Source {
        let id = custom?["customDocumentIdentifier"]?["id"]?.stringValue ?? ""
        let identifier: ShapeValue = ["dataSourceType": "CUSTOM", "custom": ["id": .string(id)]]
        let location: ShapeValue = ["type": "CUSTOM", "customDocumentLocation": ["id": .string(id)]]
        let data: Data
        var text: Result<String, DocumentFailure>
        if custom?["sourceType"] == "S3_LOCATION" {
            let uri = custom?["s3Location"]?["uri"]?.stringValue ?? ""
            data = try ingestion.environment.objects.read(uri)
            text = DocumentReader.text(of: data, name: uri)
        } else {
            let inline = custom?["inlineContent"]
            if inline?["type"] == "BYTE" {
                data = inline?["byteContent"]?["data"]?.blobValue ?? Data()
                text = DocumentReader.text(of: data, name: id, mimeType: inline?["byteContent"]?["mimeType"]?.stringValue ?? "")
            } else {
                guard let body = inline?["textContent"]?["data"]?.stringValue else {
                    throw BedrockError.validation("The document \(id) needs inlineContent.textContent for type TEXT or byteContent for type BYTE.")
                }
                data = Data(body.utf8)
                text = .success(body)
            }
        }
        return Ingestion.Source(
            uri: id, identifier: identifier, location: location, text: text, digest: Ingestion.digest(data), metadata: .success([:]), metadataDigest: "")
    }
}
