import BedrockAPI

/// A resource as handlers see it: its store record and its description as a model value.
public struct StoredResource: Sendable {
    public var record: ResourceRecord
    /// The resource's description, shaped like the collection's shape.
    public var value: ShapeValue

    public var arn: String { record.arn }
    public var id: String { record.id }
}
