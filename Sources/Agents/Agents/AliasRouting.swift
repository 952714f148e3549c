import BedrockAPI
import EmulatorCore

/// What agents and flows share about aliases routing to numbered versions: a Delete of a
/// version some alias routes to is a ConflictException unless `skipResourceInUseCheck`.
enum AliasRouting {
    /// Refuses deleting version `number` of `owner` ("agent X", "flow Y") while any of
    /// `aliases` routes to it; each alias names its version in `routingConfiguration[].versionMember`.
    static func requireUnrouted(
        _ number: String, of owner: String, aliases: [StoredResource], versionMember: String, aliasIdMember: String, request: OperationRequest
    ) throws {
        let routing = aliases.filter { alias in
            (alias.value["routingConfiguration"]?.listValue ?? []).contains { $0[versionMember]?.stringValue == number }
        }
        guard !routing.isEmpty, request.input["skipResourceInUseCheck"]?.boolValue != true else { return }
        let ids = routing.compactMap { $0.value[aliasIdMember]?.stringValue }.joined(separator: ", ")
        throw BedrockError.conflict(
            "Version \(number) of \(owner) is in use by the aliases \(ids). Point them at another version first, or set skipResourceInUseCheck.")
    }
}
