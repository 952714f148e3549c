import BedrockAPI
import EmulatorCore

/// Resource-based policies (Put, Get, Delete) on Bedrock resources the emulator made, such
/// as guardrails. The emulator keeps the document and answers with it; it does not
/// evaluate it, as it evaluates no IAM.
public enum ResourcePolicyOperations {
    static let service = "bedrock"

    static func collection(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(service: service, type: "resource-policy", shape: "PutResourcePolicyRequest", environment: environment)
    }

    /// The store's own key for the policy of `resourceArn` (every row needs an ARN of its own).
    static func policyKey(_ resourceArn: String) -> String {
        "\(resourceArn)/resource-policy"
    }

    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        let policies = collection(environment)

        registry.register(service, "PutResourcePolicy") { request in
            let account = request.context.account
            let resourceArn = request.input["resourceArn"]?.stringValue ?? ""
            let document = request.input["resourcePolicy"]?.stringValue ?? ""
            // PutResourcePolicy models no ResourceNotFoundException: an unknown ARN is a bad value.
            guard let resource = try await environment.store.resource(arn: resourceArn), resource.type != "resource-policy",
                resource.account == account.accountId, resource.region == account.region
            else {
                throw BedrockError.validation(
                    "resourceArn \(resourceArn) is not a Bedrock resource in this account and region. Give the ARN of a resource you created, such as a guardrail.")
            }
            try validate(document)
            let value: ShapeValue = ["resourceArn": .string(resourceArn), "resourcePolicy": .string(document)]
            if let current = try await policies.find(policyKey(resourceArn), account: account) {
                try await policies.update(current, to: value)
            } else {
                _ = try await policies.insert(value, id: policyKey(resourceArn), arn: policyKey(resourceArn), account: account)
            }
            return OperationOutput(["resourceArn": .string(resourceArn)])
        }

        registry.register(service, "GetResourcePolicy") { request in
            let found = try await attached(request, policies)
            return OperationOutput(["resourcePolicy": found.value["resourcePolicy"] ?? .null])
        }

        registry.register(service, "DeleteResourcePolicy") { request in
            try await policies.delete(try await attached(request, policies))
            return OperationOutput()
        }
    }

    /// The policy attached to the request's `resourceArn`; none is a ResourceNotFoundException.
    static func attached(_ request: OperationRequest, _ policies: ResourceCollection) async throws -> StoredResource {
        let resourceArn = request.input["resourceArn"]?.stringValue ?? ""
        return try await policies.require(
            policyKey(resourceArn), account: request.context.account,
            notFound: .resourceNotFound("No resource policy is attached to \(resourceArn). Attach one with PutResourcePolicy."))
    }

    /// Removes the policy of a resource being deleted, if it has one.
    static func detach(from resourceArn: String, account: AccountContext, environment: EmulatorEnvironment) async throws {
        let policies = collection(environment)
        if let current = try await policies.find(policyKey(resourceArn), account: account) {
            try await policies.delete(current)
        }
    }

    /// A policy document is a JSON object with a `Statement`, as IAM requires.
    static func validate(_ document: String) throws {
        guard let parsed = try? JSONParser.parse(Array(document.utf8)), case .object(let object) = parsed else {
            throw BedrockError.validation("resourcePolicy is not a JSON object. Give a policy document such as {\"Version\": \"2012-10-17\", \"Statement\": [...]}.")
        }
        guard object["Statement"] != nil else {
            throw BedrockError.validation("resourcePolicy has no Statement. A policy document needs at least one statement.")
        }
    }
}
