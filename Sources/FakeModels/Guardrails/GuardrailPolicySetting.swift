import BedrockAPI

/// One policy entry's configuration for a source: whether it is evaluated there and what it
/// does when it finds something (`BLOCK`, `ANONYMIZE` or `NONE`, detect only). AWS's entries
/// carry `inputEnabled`/`inputAction` and `outputEnabled`/`outputAction`, falling back to the
/// older single `action` (and enabled by default).
struct GuardrailPolicySetting {
    let enabled: Bool
    let action: String

    init(_ entry: ShapeValue, source: GuardrailSource) {
        let input = source == .input
        enabled = entry[input ? "inputEnabled" : "outputEnabled"]?.boolValue ?? true
        action = entry[input ? "inputAction" : "outputAction"]?.stringValue ?? entry["action"]?.stringValue ?? "BLOCK"
    }

    /// The assessment's action word for a finding under this setting.
    func outcome(detected: Bool) -> String {
        guard detected else { return "NONE" }
        switch action {
        case "BLOCK": return "BLOCKED"
        case "ANONYMIZE": return "ANONYMIZED"
        default: return "NONE"
        }
    }
}
