import BedrockAPI

/// Copies a value of one shape into another shape of the same service, member by member,
/// where AWS names an input `<member>Config` and echoes it back as `<member>`
/// (`topicPolicyConfig.topicsConfig` -> `topicPolicy.topics`). Target members with no
/// source stay absent for the handler to fill.
public struct ShapeProjection: Sendable {
    public let service: ServiceModel

    public init(service: ServiceModel) {
        self.service = service
    }

    /// `value` (a `source`-shaped value) as a `target`-shaped one; nil where the kinds differ.
    public func project(_ value: ShapeValue, from source: String, to target: String) -> ShapeValue? {
        let from = service.shape(source)
        let to = service.shape(target)
        if to.isDocument { return value }
        switch (to.type, value) {
        case (.structure, .map(let members)):
            guard from.type == .structure, let sourceMembers = from.members else { return nil }
            var projected: [String: ShapeValue] = [:]
            for (name, member) in to.members ?? [:] {
                guard let match = [name, name + "Config"].first(where: { sourceMembers[$0] != nil && members[$0] != nil }),
                    let sourceMember = sourceMembers[match], let given = members[match]
                else { continue }
                projected[name] = project(given, from: sourceMember.shape, to: member.shape)
            }
            return .map(projected)
        case (.list, .list(let items)):
            guard from.type == .list, let sourceItem = from.member, let targetItem = to.member else { return nil }
            return .list(items.compactMap { project($0, from: sourceItem, to: targetItem) })
        case (.map, .map(let entries)):
            guard from.type == .map, let sourceItem = from.value, let targetItem = to.value else { return nil }
            return .map(entries.compactMapValues { project($0, from: sourceItem, to: targetItem) })
        case (.structure, _), (.list, _), (.map, _):
            return nil
        default:
            return value
        }
    }
}
