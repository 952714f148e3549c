import BedrockAPI

/// The prompt resources `bedrock-agent` builds (Prompt management) and flows, OptimizePrompt
/// and the runtime read, named once so all read the same rows. Each prompt is one `prompt`
/// row (its DRAFT, under `prompt/<id>`) and one `prompt-version` row per numbered version
/// (id `<prompt id>:<version>`, ARN `prompt/<id>:<version>`); every row is a GetPrompt answer.
extension ResourceCollection {
    /// Prompts' working drafts (`prompt/<id>`), version `DRAFT`.
    public static func prompts(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(service: "bedrock-agent", type: "prompt", shape: "GetPromptResponse", environment: environment)
    }

    /// Numbered prompt versions, snapshots of a draft taken by CreatePromptVersion.
    public static func promptVersions(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(service: "bedrock-agent", type: "prompt-version", shape: "GetPromptResponse", environment: environment)
    }

    /// The store id of a numbered version of a prompt.
    public static func promptVersionID(promptId: String, version: String) -> String {
        "\(promptId):\(version)"
    }

    /// The prompt `identifier` names (an id, a prompt ARN, or a version ARN ending `:<version>`)
    /// at `version` (the ARN's version, else `version`, else DRAFT), as GetPrompt answers it; a
    /// missing prompt or version is a ResourceNotFoundException.
    public static func prompt(
        _ identifier: String, version: String?, account: AccountContext, environment: EmulatorEnvironment
    ) async throws -> StoredResource {
        var base = identifier
        var wanted = version
        if identifier.hasPrefix("arn:"), let slash = identifier.lastIndex(of: "/"),
           let colon = identifier[slash...].lastIndex(of: ":") {
            base = String(identifier[..<colon])
            wanted = String(identifier[identifier.index(after: colon)...])
        }
        return try await DraftVersions.prompts(environment).resolve(base, version: wanted, account: account, versionMaker: "CreatePromptVersion")
    }
}

extension DraftVersions {
    /// Prompts: drafts and versions linked by `id`.
    public static func prompts(_ environment: EmulatorEnvironment) -> DraftVersions {
        DraftVersions(drafts: .prompts(environment), versions: .promptVersions(environment), draftIdMember: "id", noun: "prompt")
    }
}
