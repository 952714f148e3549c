import BedrockAPI
import GRDB

/// Resource-table access inside a transaction, so a handler can combine several steps atomically.
extension Database {
    /// Inserts `record`; a record with the same ARN, or the same id for its service, type,
    /// account and region, is a `ConflictException`.
    public func insertResource(_ record: ResourceRecord) throws {
        if try resource(arn: record.arn) != nil || resourceRow(
            service: record.service, type: record.type, account: record.account,
            region: record.region, id: record.id
        ) != nil {
            throw BedrockError.conflict("A \(record.type) with id \(record.id) already exists (\(record.arn)).")
        }
        try record.insert(self)
    }

    /// The record with this ARN, or nil.
    public func resource(arn: String) throws -> ResourceRecord? {
        try ResourceRecord.fetchOne(self, key: arn)
    }

    /// The record whose id is `idOrName`, or else the oldest one with that name, or nil.
    public func resource(
        service: String, type: String, account: String, region: String, idOrName: String
    ) throws -> ResourceRecord? {
        if let byId = try resourceRow(service: service, type: type, account: account, region: region, id: idOrName) {
            return byId
        }
        return try scoped(service: service, type: type, account: account, region: region)
            .filter(Column("name") == idOrName)
            .order(Column("createdAt"), Column("id"))
            .fetchOne(self)
    }

    /// Replaces the stored record with the same ARN; a missing one is a `ResourceNotFoundException`.
    public func updateResource(_ record: ResourceRecord) throws {
        guard try resource(arn: record.arn) != nil else {
            throw BedrockError.resourceNotFound("The resource \(record.arn) was not found.")
        }
        try record.update(self)
    }

    /// Deletes the record with this ARN and its tags; returns whether it existed.
    @discardableResult
    public func deleteResource(arn: String) throws -> Bool {
        try removeAllTags(arn)
        return try ResourceRecord.deleteOne(self, key: arn)
    }

    /// All records of one type in one account and region, oldest first; records made in
    /// the same instant (a virtual clock that did not move) in the order they were stored.
    public func resources(service: String, type: String, account: String, region: String) throws -> [ResourceRecord] {
        try scoped(service: service, type: type, account: account, region: region)
            .order(Column("createdAt"), Column.rowID)
            .fetchAll(self)
    }

    /// Deletes every record (of one service, when given) and their tags; returns how many.
    @discardableResult
    public func deleteResources(service: String? = nil) throws -> Int {
        let request = service.map { ResourceRecord.filter(Column("service") == $0) } ?? ResourceRecord.all()
        let arns = try request.select(Column("arn"), as: String.self).fetchAll(self)
        for arn in arns { try removeAllTags(arn) }
        // The knowledge base index goes with bedrock-agent's knowledge bases.
        if service == nil || service == "bedrock-agent" {
            try execute(sql: "DELETE FROM kb_chunks")
            try execute(sql: "DELETE FROM kb_documents")
        }
        return try request.deleteAll(self)
    }

    /// Whether any record has this ARN.
    public func resourceExists(arn: String) throws -> Bool {
        try ResourceRecord.exists(self, key: arn)
    }

    private func resourceRow(
        service: String, type: String, account: String, region: String, id: String
    ) throws -> ResourceRecord? {
        try scoped(service: service, type: type, account: account, region: region)
            .filter(Column("id") == id)
            .fetchOne(self)
    }

    private func scoped(service: String, type: String, account: String, region: String) -> QueryInterfaceRequest<ResourceRecord> {
        ResourceRecord
            .filter(Column("service") == service && Column("type") == type)
            .filter(Column("account") == account && Column("region") == region)
    }
}
