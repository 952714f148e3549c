import BedrockAPI

extension Sequence where Element == StoredResource {
    /// The number the next numbered version takes: one more than the highest `member`
    /// (a version number kept as a string, "1", "2", ...) among these, 1 when there is none.
    /// Numbers are never reused while a higher version remains, as AWS numbers versions.
    public func nextVersionNumber(member: String = "version") -> Int {
        (compactMap { $0.value[member]?.stringValue.flatMap { Int($0) } }.max() ?? 0) + 1
    }
}
