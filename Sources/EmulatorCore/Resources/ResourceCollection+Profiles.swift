/// Application inference profiles, named once so the control plane that makes them and the
/// runtime that invokes through them read the same rows.
extension ResourceCollection {
    /// Application inference profiles (`application-inference-profile/<id>`), each stored as
    /// the CreateInferenceProfile request that made it (without its tags), so the model it
    /// was copied from is kept; Get and List derive the rest.
    public static func applicationInferenceProfiles(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(
            service: "bedrock", type: "application-inference-profile", shape: "CreateInferenceProfileRequest", environment: environment)
    }

    /// Whether a model identifier can name an application inference profile: its ARN or its
    /// 12-character id. Lets the runtime skip the store for every other identifier.
    public static func mayNameApplicationProfile(_ identifier: String) -> Bool {
        if identifier.utf8.starts(with: "arn:".utf8) { return identifier.contains(":application-inference-profile/") }
        return identifier.utf8.count == 12 && identifier.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }
    }
}
