import BedrockAPI
import Foundation
import GRDB

/// The emulator's vector store behind every knowledge base, whatever storageConfiguration it
/// declares: documents and their embedded chunks in the state database.
public struct KnowledgeBaseIndex: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// The documents one data source has indexed, by URI order.
    public func documents(knowledgeBaseId: String, dataSourceId: String) async throws -> [KnowledgeBaseDocumentRecord] {
        try await store.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM kb_documents WHERE knowledgeBaseId = ? AND dataSourceId = ? ORDER BY uri",
                arguments: [knowledgeBaseId, dataSourceId]
            ).map(Self.document)
        }
    }

    /// Replaces a document and its chunks in one transaction (no chunks for a failed document).
    public func put(_ document: KnowledgeBaseDocumentRecord, chunks: [KnowledgeBaseChunk], knowledgeBaseId: String, dataSourceId: String) async throws {
        try await store.write { db in
            try Self.deleteDocument(db, knowledgeBaseId: knowledgeBaseId, dataSourceId: dataSourceId, uri: document.uri)
            try db.execute(
                sql: """
                    INSERT INTO kb_documents (knowledgeBaseId, dataSourceId, uri, identifier, digest, metadataDigest, status, statusReason, updatedAt, origin)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    knowledgeBaseId, dataSourceId, document.uri, Self.json(document.identifier), document.digest, document.metadataDigest,
                    document.status, document.statusReason, document.updatedAt, document.origin,
                ])
            for chunk in chunks {
                try db.execute(
                    sql: """
                        INSERT INTO kb_chunks (knowledgeBaseId, dataSourceId, uri, position, chunkId, text, metadata, location, vector)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        knowledgeBaseId, dataSourceId, document.uri, chunk.position, chunk.chunkId, chunk.text,
                        Self.json(.map(chunk.metadata)), Self.json(chunk.location), Self.pack(chunk.vector),
                    ])
            }
        }
    }

    /// Removes a document and its chunks.
    public func remove(uri: String, knowledgeBaseId: String, dataSourceId: String) async throws {
        try await store.write { db in try Self.deleteDocument(db, knowledgeBaseId: knowledgeBaseId, dataSourceId: dataSourceId, uri: uri) }
    }

    /// Removes everything a data source indexed (a deleted data source whose policy is DELETE),
    /// or, with no data source, everything of the knowledge base.
    public func removeAll(knowledgeBaseId: String, dataSourceId: String? = nil) async throws {
        try await store.write { db in
            for table in ["kb_documents", "kb_chunks"] {
                if let dataSourceId {
                    try db.execute(sql: "DELETE FROM \(table) WHERE knowledgeBaseId = ? AND dataSourceId = ?", arguments: [knowledgeBaseId, dataSourceId])
                } else {
                    try db.execute(sql: "DELETE FROM \(table) WHERE knowledgeBaseId = ?", arguments: [knowledgeBaseId])
                }
            }
        }
    }

    /// Every chunk of a knowledge base, in document and position order.
    public func chunks(knowledgeBaseId: String) async throws -> [KnowledgeBaseChunk] {
        try await store.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM kb_chunks WHERE knowledgeBaseId = ? ORDER BY dataSourceId, uri, position", arguments: [knowledgeBaseId]
            ).map { row in
                KnowledgeBaseChunk(
                    knowledgeBaseId: row["knowledgeBaseId"], dataSourceId: row["dataSourceId"], uri: row["uri"], position: row["position"],
                    chunkId: row["chunkId"], text: row["text"], metadata: Self.value(row["metadata"]).mapValue ?? [:],
                    location: Self.value(row["location"]), vector: Self.unpack(row["vector"]))
            }
        }
    }

    static func deleteDocument(_ db: Database, knowledgeBaseId: String, dataSourceId: String, uri: String) throws {
        for table in ["kb_documents", "kb_chunks"] {
            try db.execute(
                sql: "DELETE FROM \(table) WHERE knowledgeBaseId = ? AND dataSourceId = ? AND uri = ?", arguments: [knowledgeBaseId, dataSourceId, uri])
        }
    }

    static func document(_ row: Row) -> KnowledgeBaseDocumentRecord {
        KnowledgeBaseDocumentRecord(
            uri: row["uri"], identifier: value(row["identifier"]), digest: row["digest"], metadataDigest: row["metadataDigest"],
            status: row["status"], statusReason: row["statusReason"], updatedAt: row["updatedAt"], origin: row["origin"])
    }

    static func json(_ value: ShapeValue) -> Data { Data(JSONWriter.write(ShapeEncoder.document(value))) }

    static func value(_ data: Data) -> ShapeValue {
        (try? JSONParser.parse(data)).map(ShapeDecoder.document) ?? .null
    }

    /// Vectors as little-endian doubles: compact, and read back exactly.
    static func pack(_ vector: [Double]) -> Data {
        var data = Data(capacity: vector.count * 8)
        for value in vector { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    static func unpack(_ data: Data) -> [Double] {
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count - 7, by: 8).map { start in
            var bits: UInt64 = 0
            for offset in 0..<8 { bits |= UInt64(bytes[start + offset]) << (8 * offset) }
            return Double(bitPattern: bits)
        }
    }
}
