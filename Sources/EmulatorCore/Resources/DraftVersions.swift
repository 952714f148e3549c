import BedrockAPI
import Foundation

/// A resource kept as a working DRAFT plus numbered snapshots of it (guardrails, prompts):
/// its two collections, and what every such resource's Create, CreateVersion, List and
/// Delete share. A version is stored under id `<draft id>:<n>` and ARN `<draft ARN>:<n>`.
public struct DraftVersions: Sendable {
    /// The working drafts, one per resource.
    public let drafts: ResourceCollection
    /// The numbered snapshots of the drafts.
    public let versions: ResourceCollection
    /// The member of a stored value holding the draft's id (`guardrailId`, `id`).
    public let draftIdMember: String
    /// What users call the resource in messages ("guardrail", "prompt").
    public let noun: String

    /// The family of `drafts` and their `versions`, linked by `draftIdMember`.
    public init(drafts: ResourceCollection, versions: ResourceCollection, draftIdMember: String, noun: String) {
        self.drafts = drafts
        self.versions = versions
        self.draftIdMember = draftIdMember
        self.noun = noun
    }

    /// The resource `identifier` (id or ARN) names, at `version` (DRAFT when nil), as its Get
    /// answers it; a missing resource or version is a ResourceNotFoundException naming
    /// `versionMaker`, the operation that makes versions.
    public func resolve(_ identifier: String, version: String?, account: AccountContext, versionMaker: String) async throws -> StoredResource {
        let draft = try await drafts.require(
            identifier, account: account,
            notFound: .resourceNotFound("The \(noun) \(identifier) does not exist in this account and region. Check the \(noun) id or ARN."))
        guard let version, version != "DRAFT" else { return draft }
        return try await versions.require(
            "\(draft.id):\(version)", account: account,
            notFound: .resourceNotFound("The \(noun) \(draft.id) has no version \(version). Use DRAFT or a version \(versionMaker) made."))
    }

    /// The numbered versions of `draft`, oldest first.
    public func versions(of draft: StoredResource, account: AccountContext) async throws -> [StoredResource] {
        try await versions.list(account: account).filter { $0.value[draftIdMember]?.stringValue == draft.id }
    }

    /// A ConflictException when a draft other than the one with id `except` is named `name`.
    public func requireUnusedName(_ name: String, except id: String?, account: AccountContext) async throws {
        if try await drafts.list(account: account).contains(where: { $0.id != id && $0.value["name"]?.stringValue == name }) {
            throw BedrockError.conflict("A \(noun) named \(name) already exists in this account and region. Choose another name.")
        }
    }

    /// Stores a new resource's DRAFT: `value` with `version` DRAFT and `createdAt`/`updatedAt` now.
    public func createDraft(
        _ value: [String: ShapeValue], id: String, arn: String, name: String, account: AccountContext, tags: [String: String]
    ) async throws -> StoredResource {
        var value = value
        let now = drafts.environment.clock.now()
        value["version"] = "DRAFT"
        value["createdAt"] = .timestamp(now)
        value["updatedAt"] = .timestamp(now)
        return try await drafts.insert(.map(value), id: id, arn: arn, name: name, account: account, tags: tags)
    }

    /// Stores `draft` as its next numbered version, with `version` the number and
    /// `createdAt`/`updatedAt` now; `adjust` changes the snapshot's members first (given the number).
    public func snapshot(
        _ draft: StoredResource, account: AccountContext, tags: [String: String] = [:],
        adjust: (inout [String: ShapeValue], String) -> Void = { _, _ in }
    ) async throws -> StoredResource {
        let number = String(try await versions(of: draft, account: account).nextVersionNumber())
        var value = draft.value.mapValue ?? [:]
        let now = drafts.environment.clock.now()
        value["version"] = .string(number)
        value["createdAt"] = .timestamp(now)
        value["updatedAt"] = .timestamp(now)
        adjust(&value, number)
        return try await versions.insert(.map(value), id: "\(draft.id):\(number)", arn: "\(draft.arn):\(number)", account: account, tags: tags)
    }

    /// `draft` followed by its numbered versions: what a List of one resource's versions shows.
    public func draftAndVersions(_ draft: StoredResource, account: AccountContext) async throws -> [StoredResource] {
        [draft] + (try await versions(of: draft, account: account))
    }

    /// Removes every numbered version of `draft`, then the draft.
    public func deleteAll(_ draft: StoredResource, account: AccountContext) async throws {
        for version in try await versions(of: draft, account: account) { try await versions.delete(version) }
        try await drafts.delete(draft)
    }
}
