import GRDB

/// Resource-table access as one transaction per call; see the `Database` methods of the same names.
extension Store {
    /// Inserts `record`; a duplicate ARN or id is a `ConflictException`.
    public func insertResource(_ record: ResourceRecord) async throws {
        try await write { try $0.insertResource(record) }
    }

    /// The record with this ARN, or nil.
    public func resource(arn: String) async throws -> ResourceRecord? {
        try await read { try $0.resource(arn: arn) }
    }

    /// The record whose id is `idOrName`, or else the oldest one with that name, or nil.
    public func resource(
        service: String, type: String, account: String, region: String, idOrName: String
    ) async throws -> ResourceRecord? {
        try await read {
            try $0.resource(service: service, type: type, account: account, region: region, idOrName: idOrName)
        }
    }

    /// Replaces the stored record with the same ARN; a missing one is a `ResourceNotFoundException`.
    public func updateResource(_ record: ResourceRecord) async throws {
        try await write { try $0.updateResource(record) }
    }

    /// Deletes the record with this ARN and its tags; returns whether it existed.
    @discardableResult
    public func deleteResource(arn: String) async throws -> Bool {
        try await write { try $0.deleteResource(arn: arn) }
    }

    /// All records of one type in one account and region, oldest first (ties by id).
    public func resources(service: String, type: String, account: String, region: String) async throws -> [ResourceRecord] {
        try await read { try $0.resources(service: service, type: type, account: account, region: region) }
    }

    /// Whether any record has this ARN; the check callers make before tagging.
    public func resourceExists(arn: String) async throws -> Bool {
        try await read { try $0.resourceExists(arn: arn) }
    }
}
