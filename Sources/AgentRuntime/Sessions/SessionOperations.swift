import BedrockAPI
import EmulatorCore

/// Agent sessions: CreateSession, GetSession, UpdateSession, EndSession, DeleteSession and
/// ListSessions. A session starts `ACTIVE`; once `ENDED` it can no longer change, and only
/// an ended session can be deleted (with its invocations and steps), as on AWS.
public enum SessionOperations {
    static let service = "bedrock-agent-runtime"

    /// Registers the session operations.
    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        let sessions = ResourceCollection.sessions(environment)

        registry.register(service, "CreateSession") { request in
            let account = request.context.account
            let id = ResourceID.uuid(using: environment.ids)
            let arn = account.arn(service: "bedrock", resource: "session/\(id)").description
            let now = environment.clock.now()
            var value: [String: ShapeValue] = [
                "sessionId": .string(id), "sessionArn": .string(arn), "sessionStatus": "ACTIVE",
                "createdAt": .timestamp(now), "lastUpdatedAt": .timestamp(now),
            ]
            value["sessionMetadata"] = request.input["sessionMetadata"]
            value["encryptionKeyArn"] = request.input["encryptionKeyArn"]
            let tags = request.input["tags"]?.mapValue?.compactMapValues(\.stringValue) ?? [:]
            _ = try await sessions.insert(.map(value), id: id, arn: arn, account: account, tags: tags)
            return OperationOutput(summary(.map(value), keys: ["sessionId", "sessionArn", "sessionStatus", "createdAt"]))
        }

        registry.register(service, "GetSession") { request in
            let session = try await find(request, in: sessions)
            return OperationOutput(session.value)
        }

        registry.register(service, "UpdateSession") { request in
            let session = try await find(request, in: sessions)
            try requireActive(session, to: "update")
            var value = session.value.mapValue ?? [:]
            value["sessionMetadata"] = request.input["sessionMetadata"]
            value["lastUpdatedAt"] = .timestamp(environment.clock.now())
            let updated = try await sessions.update(session, to: .map(value))
            return OperationOutput(summary(updated.value, keys: ["sessionId", "sessionArn", "sessionStatus", "createdAt", "lastUpdatedAt"]))
        }

        registry.register(service, "EndSession") { request in
            let session = try await find(request, in: sessions)
            try requireActive(session, to: "end")
            var value = session.value.mapValue ?? [:]
            value["sessionStatus"] = "ENDED"
            value["lastUpdatedAt"] = .timestamp(environment.clock.now())
            let updated = try await sessions.update(session, to: .map(value))
            return OperationOutput(summary(updated.value, keys: ["sessionId", "sessionArn", "sessionStatus"]))
        }

        registry.register(service, "DeleteSession") { request in
            let session = try await find(request, in: sessions)
            if session.value["sessionStatus"] == "ACTIVE" {
                throw BedrockError.conflict("The session \(session.id) is ACTIVE. End it with EndSession before you delete it.")
            }
            try await InvocationOperations.removeAll(of: session, account: request.context.account, environment: environment)
            try await sessions.delete(session)
            return OperationOutput()
        }

        registry.register(service, "ListSessions") { request in
            let all = try await sessions.list(account: request.context.account)
            let page = try Page.paginate(
                all, maxResults: request.input["maxResults"]?.intValue, nextToken: request.input["nextToken"]?.stringValue,
                defaultMaxResults: 1000, scope: "ListSessions")
            var output: [String: ShapeValue] = [
                "sessionSummaries": .list(page.items.map { summary($0.value, keys: ["sessionId", "sessionArn", "sessionStatus", "createdAt", "lastUpdatedAt"]) })
            ]
            output["nextToken"] = page.nextToken.map { .string($0) }
            return OperationOutput(.map(output))
        }

        InvocationOperations.register(into: &registry, environment: environment)
    }

    static func find(_ request: OperationRequest, in sessions: ResourceCollection) async throws -> StoredResource {
        let identifier = request.input["sessionIdentifier"]?.stringValue ?? ""
        return try await sessions.require(
            identifier, account: request.context.account,
            notFound: .resourceNotFound("The session \(identifier) does not exist. Check the session identifier and try again."))
    }

    static func requireActive(_ session: StoredResource, to action: String) throws {
        guard session.value["sessionStatus"] == "ACTIVE" else {
            throw BedrockError.conflict("The session \(session.id) has ended; you can't \(action) it.")
        }
    }

    static func summary(_ value: ShapeValue, keys: [String]) -> ShapeValue {
        .map((value.mapValue ?? [:]).filter { keys.contains($0.key) })
    }
}
