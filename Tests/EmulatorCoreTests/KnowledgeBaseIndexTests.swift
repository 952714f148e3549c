import BedrockAPI
import Foundation
import Testing
@testable import EmulatorCore

@Suite struct KnowledgeBaseIndexTests {
    let metadata: [String: ShapeValue] = ["topic": "billing", "year": .integer(2024), "tags": ["money", "returns"], "draft": false]

    @Test func filterOperatorsFollowTheirDocumentedMeanings() {
        func passes(_ filter: ShapeValue) -> Bool { RetrievalFilter(filter).matches(metadata) }
        #expect(passes(["equals": ["key": "year", "value": .double(2024)]]))
        #expect(passes(["equals": ["key": "draft", "value": false]]))
        #expect(!passes(["equals": ["key": "missing", "value": "x"]]))
        #expect(passes(["notEquals": ["key": "missing", "value": "x"]]))
        #expect(passes(["greaterThanOrEquals": ["key": "year", "value": .integer(2024)]]))
        #expect(!passes(["greaterThan": ["key": "topic", "value": .integer(1)]]))
        #expect(passes(["in": ["key": "topic", "value": ["billing", "other"]]]))
        #expect(passes(["notIn": ["key": "topic", "value": ["other"]]]))
        #expect(passes(["listContains": ["key": "tags", "value": "returns"]]))
        #expect(passes(["stringContains": ["key": "tags", "value": "turn"]]))
        #expect(passes(["startsWith": ["key": "topic", "value": "bill"]]))
        #expect(!passes(["andAll": [["equals": ["key": "topic", "value": "billing"]], ["lessThan": ["key": "year", "value": .integer(2000)]]]]))
        #expect(passes(["orAll": [["equals": ["key": "topic", "value": "x"]], ["lessThanOrEquals": ["key": "year", "value": .integer(2024)]]]]))
    }

    @Test func chunksRoundTripThroughTheStoreAndRankByCosine() async throws {
        let environment = try EmulatorEnvironment.inMemory()
        let index = KnowledgeBaseIndex(store: environment.store)
        let document = KnowledgeBaseDocumentRecord(
            uri: "s3://b/a.txt", identifier: ["dataSourceType": "S3", "s3": ["uri": "s3://b/a.txt"]], digest: "d", metadataDigest: "",
            status: "INDEXED", updatedAt: 0, origin: "sync")
        let location: ShapeValue = ["type": "S3", "s3Location": ["uri": "s3://b/a.txt"]]
        let chunks = [[1.0, 0.0], [0.6, 0.8], [0.0, 1.0]].enumerated().map { position, vector in
            KnowledgeBaseChunk(
                knowledgeBaseId: "KB", dataSourceId: "DS", uri: "s3://b/a.txt", position: position, chunkId: "c\(position)",
                text: "chunk \(position)", metadata: ["n": .integer(Int64(position))], location: location, vector: vector)
        }
        try await index.put(document, chunks: chunks, knowledgeBaseId: "KB", dataSourceId: "DS")
        #expect(try await index.documents(knowledgeBaseId: "KB", dataSourceId: "DS") == [document])
        let stored = try await index.chunks(knowledgeBaseId: "KB")
        #expect(stored.map(\.vector) == chunks.map(\.vector))
        #expect(stored[1].metadata["n"] == .integer(1) && stored[1].location == location)

        let hits = KnowledgeBaseSearch().rank(stored, query: "q", vector: [1, 0], hybrid: false, filter: nil, limit: 2)
        #expect(hits.map(\.chunk.chunkId) == ["c0", "c1"])
        #expect(hits.map(\.score) == [1, 0.6])
        let filtered = KnowledgeBaseSearch().rank(
            stored, query: "q", vector: [1, 0], hybrid: false, filter: RetrievalFilter(["greaterThan": ["key": "n", "value": .integer(0)]]), limit: 5)
        #expect(filtered.map(\.chunk.chunkId) == ["c1", "c2"])

        try await index.remove(uri: "s3://b/a.txt", knowledgeBaseId: "KB", dataSourceId: "DS")
        #expect(try await index.chunks(knowledgeBaseId: "KB").isEmpty)
    }
}
