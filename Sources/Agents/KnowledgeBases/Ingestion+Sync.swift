import BedrockAPI
import EmulatorCore
import Foundation

/// An ingestion job's work: compare the data source's objects with what was indexed before.
extension Ingestion {
    /// What one sync found and did: the job's `statistics`, and a reason for each failed document.
    struct Outcome: Sendable {
        var scanned = 0, metadataScanned = 0, new = 0, modified = 0, metadataModified = 0, deleted = 0, failed = 0
        var failureReasons: [String] = []

        var statistics: ShapeValue {
            [
                "numberOfDocumentsScanned": .integer(Int64(scanned)), "numberOfMetadataDocumentsScanned": .integer(Int64(metadataScanned)),
                "numberOfNewDocumentsIndexed": .integer(Int64(new)), "numberOfModifiedDocumentsIndexed": .integer(Int64(modified)),
                "numberOfMetadataDocumentsModified": .integer(Int64(metadataModified)), "numberOfDocumentsDeleted": .integer(Int64(deleted)),
                "numberOfDocumentsFailed": .integer(Int64(failed)),
            ]
        }
    }

    /// Indexes new and changed objects under the S3 data source's bucket and prefixes and drops
    /// the ones gone since the last sync; unchanged documents are left as they are.
    func sync(knowledgeBase: StoredResource, dataSource: StoredResource) async throws -> Outcome {
        var outcome = Outcome()
        let configuration = dataSource.value["dataSourceConfiguration"]
        guard configuration?["type"] == "S3", let bucketArn = configuration?["s3Configuration"]?["bucketArn"]?.stringValue else { return outcome }
        let bucket = bucketArn.components(separatedBy: ":::").last ?? bucketArn
        let prefixes = configuration?["s3Configuration"]?["inclusionPrefixes"]?.listValue?.compactMap(\.stringValue) ?? [""]
        var objects = Set<String>()
        for prefix in prefixes.isEmpty ? [""] : prefixes {
            do {
                objects.formUnion(try environment.objects.list(prefix: "s3://\(bucket)/\(prefix)"))
            } catch {
                outcome.failureReasons.append("The prefix s3://\(bucket)/\(prefix) could not be listed: \(error)")
            }
        }
        let metadataFiles = objects.filter { $0.hasSuffix(".metadata.json") }
        let documents = objects.subtracting(metadataFiles).sorted()
        outcome.metadataScanned = metadataFiles.count
        outcome.scanned = documents.count
        let before = Dictionary(
            try await index.documents(knowledgeBaseId: knowledgeBase.id, dataSourceId: dataSource.id).filter { $0.origin == "sync" }.map { ($0.uri, $0) },
            uniquingKeysWith: { first, _ in first })
        for uri in documents {
            let source = source(s3: uri)
            let earlier = before[uri]
            if let earlier, earlier.status == "INDEXED", earlier.digest == source.digest, earlier.metadataDigest == source.metadataDigest { continue }
            let record = try await put(source, origin: "sync", knowledgeBase: knowledgeBase, dataSource: dataSource)
            if record.status == "FAILED" {
                outcome.failed += 1
                outcome.failureReasons.append(record.statusReason ?? "The document \(uri) could not be indexed.")
            } else if earlier == nil || earlier?.status == "FAILED" {
                outcome.new += 1
            } else if earlier?.digest != source.digest {
                outcome.modified += 1
            } else {
                outcome.metadataModified += 1
            }
        }
        for (uri, earlier) in before where !documents.contains(uri) {
            try await index.remove(uri: uri, knowledgeBaseId: knowledgeBase.id, dataSourceId: dataSource.id)
            if earlier.status != "FAILED" { outcome.deleted += 1 }
        }
        return outcome
    }
}
