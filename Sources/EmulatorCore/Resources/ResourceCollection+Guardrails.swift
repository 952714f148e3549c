import BedrockAPI

/// The guardrail resources the control plane makes and the runtime applies, named once so
/// both read the same rows. Each guardrail is one `guardrail` row (its DRAFT, under the
/// guardrail's ARN) and one `guardrail-version` row per numbered version (id
/// `<guardrail id>:<version>`); every row is a GetGuardrail answer.
extension ResourceCollection {
    /// Guardrails' working drafts (`guardrail/<id>`), version `DRAFT`.
    public static func guardrails(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(service: "bedrock", type: "guardrail", shape: "GetGuardrailResponse", environment: environment)
    }

    /// Numbered guardrail versions, snapshots of a draft taken by CreateGuardrailVersion.
    public static func guardrailVersions(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(service: "bedrock", type: "guardrail-version", shape: "GetGuardrailResponse", environment: environment)
    }

    /// The account's enforced guardrail configuration (at most one per account and region).
    public static func enforcedGuardrailConfigurations(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(
            service: "bedrock", type: "enforced-guardrail-configuration", shape: "AccountEnforcedGuardrailOutputConfiguration",
            environment: environment)
    }

    /// The store id of a numbered version of a guardrail.
    public static func guardrailVersionID(guardrailId: String, version: String) -> String {
        "\(guardrailId):\(version)"
    }

    /// The guardrail `identifier` (id or ARN) names, at `version` (`DRAFT` when nil), as
    /// GetGuardrail answers it; a missing guardrail or version is a ResourceNotFoundException.
    public static func guardrail(
        _ identifier: String, version: String?, account: AccountContext, environment: EmulatorEnvironment
    ) async throws -> StoredResource {
        try await DraftVersions.guardrails(environment).resolve(identifier, version: version, account: account, versionMaker: "CreateGuardrailVersion")
    }
}

extension DraftVersions {
    /// Guardrails: drafts and versions linked by `guardrailId`.
    public static func guardrails(_ environment: EmulatorEnvironment) -> DraftVersions {
        DraftVersions(
            drafts: .guardrails(environment), versions: .guardrailVersions(environment), draftIdMember: "guardrailId", noun: "guardrail")
    }
}
