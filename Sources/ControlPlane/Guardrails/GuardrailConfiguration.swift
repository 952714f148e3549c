import BedrockAPI
import EmulatorCore

/// What a CreateGuardrail or UpdateGuardrail input configures, turned into GetGuardrail's
/// members: each `<policy>Config` becomes `<policy>` by the model (see `ShapeProjection`),
/// with the defaults AWS reports for members the input left out.
struct GuardrailConfiguration: Sendable {
    /// The input members that each configure one policy; a guardrail needs at least one.
    static let policyMembers = [
        "topicPolicyConfig", "contentPolicyConfig", "wordPolicyConfig", "sensitiveInformationPolicyConfig",
        "contextualGroundingPolicyConfig", "automatedReasoningPolicyConfig",
    ]
    static let outputShape = "GetGuardrailResponse"

    let service: ServiceModel

    /// The Get-shaped members `input` (a `inputShape` value) sets: name, description,
    /// blocked messaging, the policies, cross-region details and the KMS key ARN.
    func members(of input: ShapeValue, inputShape: String, account: AccountContext) throws -> [String: ShapeValue] {
        try validate(input)
        let projected = ShapeProjection(service: service).project(input, from: inputShape, to: Self.outputShape) ?? .map([:])
        var value = withDefaults(projected, shape: Self.outputShape).mapValue ?? [:]
        if let profile = input["crossRegionConfig"]?["guardrailProfileIdentifier"]?.stringValue {
            value["crossRegionDetails"] = Self.crossRegionDetails(profile, account: account)
        }
        if let key = input["kmsKeyId"]?.stringValue {
            value["kmsKeyArn"] = .string(Self.kmsKeyArn(key, account: account))
        }
        return value
    }

    /// The guardrail profile's id and ARN, from either.
    static func crossRegionDetails(_ identifier: String, account: AccountContext) -> ShapeValue {
        if identifier.hasPrefix("arn:") {
            let id = identifier.split(separator: "/").last.map(String.init) ?? identifier
            return ["guardrailProfileId": .string(id), "guardrailProfileArn": .string(identifier)]
        }
        let arn = account.arn(service: "bedrock", resource: "guardrail-profile/\(identifier)").description
        return ["guardrailProfileId": .string(identifier), "guardrailProfileArn": .string(arn)]
    }

    /// The ARN of a KMS key given as an ARN, a key id or an alias.
    static func kmsKeyArn(_ key: String, account: AccountContext) -> String {
        if key.hasPrefix("arn:") { return key }
        return account.arn(service: "kms", resource: key.hasPrefix("alias/") ? key : "key/\(key)").description
    }
}
