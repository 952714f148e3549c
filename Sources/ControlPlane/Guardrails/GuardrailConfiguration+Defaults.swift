import BedrockAPI

/// The values GetGuardrail reports for filter members a create or update left out: every
/// filter is enabled both ways, acts as its `action` (or BLOCK), reads text only, and
/// policies with tiers are on the CLASSIC tier.
extension GuardrailConfiguration {
    /// `value` (a `shape` value) with the defaults filled in at every depth.
    func withDefaults(_ value: ShapeValue, shape: String) -> ShapeValue {
        let model = service.shape(shape)
        switch (model.type, value) {
        case (.structure, .map(var members)):
            for (name, member) in model.members ?? [:] {
                if let given = members[name] {
                    members[name] = withDefaults(given, shape: member.shape)
                } else if let fallback = Self.defaultValue(name, in: members) {
                    members[name] = fallback
                }
            }
            return .map(members)
        case (.list, .list(let items)):
            guard let item = model.member else { return value }
            return .list(items.map { withDefaults($0, shape: item) })
        default:
            return value
        }
    }

    /// The default of one member of a policy element, or nil when it has none.
    static func defaultValue(_ member: String, in element: [String: ShapeValue]) -> ShapeValue? {
        switch member {
        case "inputEnabled", "outputEnabled", "enabled": return true
        case "inputAction", "outputAction": return element["action"] ?? "BLOCK"
        case "action": return "BLOCK"
        case "inputModalities", "outputModalities": return ["TEXT"]
        case "tier": return ["tierName": "CLASSIC"]
        default: return nil
        }
    }
}
