import BedrockAPI
import EmulatorCore

/// Invocations and invocation steps of a session: CreateInvocation, ListInvocations,
/// PutInvocationStep, GetInvocationStep and ListInvocationSteps. Only an ACTIVE session
/// takes new invocations and steps; deleting a session removes them (SessionOperations).
enum InvocationOperations {
    static let service = "bedrock-agent-runtime"

    /// Registers the invocation operations.
    static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        let sessions = ResourceCollection.sessions(environment)
        let invocations = ResourceCollection.sessionInvocations(environment)
        let steps = ResourceCollection.invocationSteps(environment)

        @Sendable func invocation(_ id: String, in session: StoredResource, account: AccountContext) async throws -> StoredResource {
            try await invocations.require(
                storeKey(session.id, id), account: account,
                notFound: .resourceNotFound("The invocation \(id) does not exist in session \(session.id). Check the invocation identifier (ListInvocations) and try again."))
        }

        registry.register(service, "CreateInvocation") { request in
            let account = request.context.account
            let session = try await SessionOperations.find(request, in: sessions)
            try SessionOperations.requireActive(session, to: "add invocations to")
            let id = request.input["invocationId"]?.stringValue ?? ResourceID.uuid(using: environment.ids)
            if try await invocations.find(storeKey(session.id, id), account: account) != nil {
                throw BedrockError.conflict("The session \(session.id) already has an invocation \(id). Use another invocationId, or leave it out.")
            }
            let value: ShapeValue = ["sessionId": .string(session.id), "invocationId": .string(id), "createdAt": .timestamp(environment.clock.now())]
            let arn = "\(session.arn)/invocation/\(id)"
            _ = try await invocations.insert(value, id: storeKey(session.id, id), arn: arn, account: account)
            return OperationOutput(value)
        }

        registry.register(service, "ListInvocations") { request in
            let session = try await SessionOperations.find(request, in: sessions)
            let listed = try await invocations.list(account: request.context.account).filter { $0.value["sessionId"]?.stringValue == session.id }
            return .listing("invocationSummaries", try ListQuery(request.input, scope: "ListInvocations/\(session.id)", defaultMaxResults: 1000).page(of: listed))
        }

        registry.register(service, "PutInvocationStep") { request in
            let input = request.input
            let account = request.context.account
            let session = try await SessionOperations.find(request, in: sessions)
            try SessionOperations.requireActive(session, to: "add invocation steps to")
            let parent = try await invocation(input["invocationIdentifier"]?.stringValue ?? "", in: session, account: account)
            let invocationId = parent.value["invocationId"]?.stringValue ?? ""
            let id = input["invocationStepId"]?.stringValue ?? ResourceID.uuid(using: environment.ids)
            let value: ShapeValue = [
                "sessionId": .string(session.id), "invocationId": .string(invocationId), "invocationStepId": .string(id),
                "invocationStepTime": input["invocationStepTime"] ?? .timestamp(environment.clock.now()), "payload": input["payload"] ?? .null,
            ]
            // A step id that exists is put again: its invocation stays, its time and payload are replaced.
            if let existing = try await steps.find(storeKey(session.id, id), account: account) {
                guard existing.value["invocationId"]?.stringValue == invocationId else {
                    throw BedrockError.conflict(
                        "The invocation step \(id) belongs to invocation \(existing.value["invocationId"]?.stringValue ?? "") of session \(session.id). Use another invocationStepId.")
                }
                try await steps.update(existing, to: value)
            } else {
                _ = try await steps.insert(value, id: storeKey(session.id, id), arn: "\(session.arn)/invocation-step/\(id)", account: account)
            }
            return OperationOutput(["invocationStepId": .string(id)])
        }

        registry.register(service, "GetInvocationStep") { request in
            let account = request.context.account
            let session = try await SessionOperations.find(request, in: sessions)
            let invocationId = request.input["invocationIdentifier"]?.stringValue ?? ""
            _ = try await invocation(invocationId, in: session, account: account)
            let id = request.input["invocationStepId"]?.stringValue ?? ""
            guard let step = try await steps.find(storeKey(session.id, id), account: account), step.value["invocationId"]?.stringValue == invocationId else {
                throw BedrockError.resourceNotFound(
                    "The invocation step \(id) does not exist in invocation \(invocationId) of session \(session.id). Check the step identifier (ListInvocationSteps).")
            }
            return OperationOutput(["invocationStep": step.value])
        }

        registry.register(service, "ListInvocationSteps") { request in
            let account = request.context.account
            let session = try await SessionOperations.find(request, in: sessions)
            var listed = try await steps.list(account: account).filter { $0.value["sessionId"]?.stringValue == session.id }
            var scope = "ListInvocationSteps/\(session.id)"
            if let invocationId = request.input["invocationIdentifier"]?.stringValue {
                _ = try await invocation(invocationId, in: session, account: account)
                listed = listed.filter { $0.value["invocationId"]?.stringValue == invocationId }
                scope += "/\(invocationId)"
            }
            let page = try ListQuery(request.input, scope: scope, defaultMaxResults: 1000).page(of: listed)
            return .listing("invocationStepSummaries", page) { step in
                .map((step.value.mapValue ?? [:]).filter { ["sessionId", "invocationId", "invocationStepId", "invocationStepTime"].contains($0.key) })
            }
        }
    }

    /// The store id of an invocation or step: unique within its session only.
    static func storeKey(_ sessionId: String, _ id: String) -> String { "\(sessionId)/\(id)" }

    /// Removes every invocation and step of a session, when the session is deleted.
    static func removeAll(of session: StoredResource, account: AccountContext, environment: EmulatorEnvironment) async throws {
        for collection in [ResourceCollection.invocationSteps(environment), .sessionInvocations(environment)] {
            for item in try await collection.list(account: account) where item.value["sessionId"]?.stringValue == session.id {
                try await collection.delete(item)
            }
        }
    }
}
