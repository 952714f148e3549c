import Foundation

/// Typed access to a record's JSON body, so handlers keep their own Codable structs.
extension ResourceRecord {
    /// Creates a record whose body is `value` encoded as JSON.
    public init<Value: Encodable>(
        arn: String, service: String, type: String, id: String, name: String?,
        account: String, region: String, createdAt: Date, updatedAt: Date, value: Value
    ) throws {
        self.init(
            arn: arn, service: service, type: type, id: id, name: name, account: account,
            region: region, createdAt: createdAt, updatedAt: updatedAt,
            body: try ResourceRecord.encoder().encode(value)
        )
    }

    /// Decodes the body as `Value`.
    public func decodeBody<Value: Decodable>(as type: Value.Type = Value.self) throws -> Value {
        try JSONDecoder().decode(Value.self, from: body)
    }

    /// Replaces the body with `value` encoded as JSON.
    public mutating func setBody<Value: Encodable>(_ value: Value) throws {
        body = try ResourceRecord.encoder().encode(value)
    }

    // Sorted keys keep bodies byte-stable, which makes state files diffable and tests exact;
    // Dates keep the default (reference-date seconds) because it round-trips losslessly.
    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
