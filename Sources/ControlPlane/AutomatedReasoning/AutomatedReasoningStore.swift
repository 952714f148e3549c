import BedrockAPI
import EmulatorCore
import Foundation

/// Where Automated Reasoning state lives: policies (the DRAFT and each numbered version as
/// its own resource), their definitions beside them, test cases, build workflows with their
/// result assets, and test results; each child resource's ARN extends its policy's.
struct AutomatedReasoningStore: Sendable {
    static let service = "bedrock"
    static let draft = "DRAFT"
    /// Variable types every policy has without declaring them.
    static let builtinTypes: Set<String> = ["BOOL", "INT", "REAL"]

    let policies: ResourceCollection
    let definitions: Companions
    let testCases: ResourceCollection
    let buildWorkflows: ResourceCollection
    let assets: Companions
    let annotations: Companions
    let testResults: ResourceCollection
    let tokens = IdempotencyTokens()
    let environment: EmulatorEnvironment

    init(environment: EmulatorEnvironment) {
        let service = Self.service
        policies = ResourceCollection(service: service, type: "automated-reasoning-policy", shape: "GetAutomatedReasoningPolicyResponse", environment: environment)
        definitions = Companions(
            service: service, type: "automated-reasoning-policy-definition", shape: "AutomatedReasoningPolicyDefinition", environment: environment)
        testCases = ResourceCollection(
            service: service, type: "automated-reasoning-policy-test-case", shape: "AutomatedReasoningPolicyTestCase", environment: environment)
        buildWorkflows = ResourceCollection(
            service: service, type: "automated-reasoning-policy-build-workflow", shape: "GetAutomatedReasoningPolicyBuildWorkflowResponse",
            environment: environment)
        assets = Companions(
            service: service, type: "automated-reasoning-policy-build-assets", shape: "AutomatedReasoningPolicyBuildResultAssets",
            environment: environment)
        annotations = Companions(
            service: service, type: "automated-reasoning-policy-annotations", shape: "GetAutomatedReasoningPolicyAnnotationsResponse",
            environment: environment)
        testResults = ResourceCollection(
            service: service, type: "automated-reasoning-policy-test-result", shape: "AutomatedReasoningPolicyTestResult", environment: environment)
        self.environment = environment
    }

    /// The DRAFT ARN of the policy an ARN names (a version ARN without its `:<n>`).
    static func draftArn(_ arn: String) -> String {
        guard let range = arn.range(of: "automated-reasoning-policy/") else { return arn }
        let tail = arn[range.upperBound...]
        guard let colon = tail.firstIndex(of: ":") else { return arn }
        return String(arn[..<colon])
    }

    /// The content hash Bedrock reports for a definition: 128 lowercase hex digits.
    func hash(_ definition: ShapeValue) -> String {
        ShapeEncoder(service: policies.service).sha512Hex(definition, as: "AutomatedReasoningPolicyDefinition")
    }

    /// The policy (DRAFT or version) the request's `policyArn` names, or ResourceNotFoundException.
    func policy(_ request: OperationRequest) async throws -> StoredResource {
        try await policies.require(request, member: "policyArn", noun: "Automated Reasoning policy")
    }

    /// The DRAFT of the policy the request's `policyArn` names (any version of it will do).
    func draftPolicy(_ request: OperationRequest) async throws -> StoredResource {
        let arn = Self.draftArn(request.input["policyArn"]?.stringValue ?? "")
        return try await policies.require(
            arn, account: request.context.account, notFound: .resourceNotFound("The Automated Reasoning policy \(arn) does not exist in this account and region."))
    }

    /// The build workflow the request's `buildWorkflowId` names, under the policy it names.
    func buildWorkflow(_ request: OperationRequest) async throws -> StoredResource {
        let policy = try await draftPolicy(request)
        let id = request.input["buildWorkflowId"]?.stringValue ?? ""
        return try await buildWorkflows.require(
            "\(policy.arn)/build-workflow/\(id)", account: request.context.account,
            notFound: .resourceNotFound("The build workflow \(id) does not exist for the policy \(policy.arn)."))
    }

    /// The stored definition of a policy or version.
    func definition(of policy: StoredResource) async throws -> ShapeValue {
        try await definitions.value(of: policy.arn, account: account(of: policy)) ?? Self.emptyDefinition
    }

    static let emptyDefinition: ShapeValue = ["version": "1.0", "types": [], "rules": [], "variables": []]

    /// Every resource of `collection` whose ARN extends `owner`'s (a policy's test cases).
    func children(of owner: String, in collection: ResourceCollection, account: AccountContext) async throws -> [StoredResource] {
        try await collection.list(account: account).filter { $0.arn.hasPrefix(owner + "/") }
    }

    func account(of resource: StoredResource) -> AccountContext {
        AccountContext(accountId: resource.record.account, region: resource.record.region)
    }

    /// Whether a client's `lastUpdatedAt` is the stored `updatedAt`, to the millisecond the wire keeps.
    static func sameInstant(_ given: ShapeValue?, _ stored: ShapeValue?) -> Bool {
        guard let given = given?.timestampValue, let stored = stored?.timestampValue else { return false }
        return abs(given.timeIntervalSince(stored)) < 0.001
    }
}
