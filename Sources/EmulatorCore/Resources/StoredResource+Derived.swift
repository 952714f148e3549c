import BedrockAPI

extension StoredResource {
    /// A resource described by a handler rather than read from the store (AWS's built-in
    /// resources, or a stored one shown in another shape), so List paging treats both alike.
    public init(derived record: ResourceRecord, value: ShapeValue) {
        self.init(record: record, value: value)
    }
}
