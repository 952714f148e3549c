import BedrockAPI
import EmulatorCore
import Foundation

extension AutomatedReasoningOperations {
    /// Test cases of a policy: Create, Get, Update and Delete (both guarded by the
    /// `lastUpdatedAt` the caller last saw), List.
    static func registerTestCases(into registry: inout OperationRegistry, store: AutomatedReasoningStore) {
        let testCases = store.testCases
        let environment = store.environment
        let editable = ["guardContent", "queryContent", "expectedAggregatedFindingsResult", "confidenceThreshold"]

        /// The test case the request names, under the policy it names.
        @Sendable func testCase(_ request: OperationRequest) async throws -> (policy: StoredResource, testCase: StoredResource) {
            let policy = try await store.draftPolicy(request)
            let id = request.input["testCaseId"]?.stringValue ?? ""
            let found = try await testCases.require(
                "\(policy.arn)/test-case/\(id)", account: request.context.account,
                notFound: .resourceNotFound("The test case \(id) does not exist in the policy \(policy.arn)."))
            return (policy, found)
        }

        registry.register(service, "CreateAutomatedReasoningPolicyTestCase") { request in
            let input = request.input
            let account = request.context.account
            let policy = try await store.draftPolicy(request)
            let scope = "test-case/\(policy.arn)"
            if let id = store.tokens.earlier(input["clientRequestToken"]?.stringValue, scope: scope, account: account)?.stringValue {
                return OperationOutput(["policyArn": .string(policy.arn), "testCaseId": .string(id)])
            }
            let id = ResourceID.alphanumericUpper(count: 12, using: environment.ids)
            let now = environment.clock.now()
            var value: [String: ShapeValue] = ["testCaseId": .string(id), "createdAt": .timestamp(now), "updatedAt": .timestamp(now)]
            for key in editable { value[key] = input[key] }
            _ = try await testCases.insert(.map(value), id: "\(policy.id)/\(id)", arn: "\(policy.arn)/test-case/\(id)", account: account)
            store.tokens.remember(input["clientRequestToken"]?.stringValue, scope: scope, account: account, answer: .string(id))
            return OperationOutput(["policyArn": .string(policy.arn), "testCaseId": .string(id)])
        }

        registry.register(service, "GetAutomatedReasoningPolicyTestCase") { request in
            let found = try await testCase(request)
            return OperationOutput(["policyArn": .string(found.policy.arn), "testCase": found.testCase.value])
        }

        registry.register(service, "UpdateAutomatedReasoningPolicyTestCase") { request in
            let input = request.input
            let found = try await testCase(request)
            guard AutomatedReasoningStore.sameInstant(input["lastUpdatedAt"], found.testCase.value["updatedAt"]) else {
                throw BedrockError.conflict("The test case has changed since the lastUpdatedAt you sent. Get it again and use its current updatedAt.")
            }
            var value = found.testCase.value.mapValue ?? [:]
            for key in editable { value[key] = input[key] }
            value["updatedAt"] = .timestamp(environment.clock.now())
            try await testCases.update(found.testCase, to: .map(value))
            return OperationOutput(["policyArn": .string(found.policy.arn), "testCaseId": value["testCaseId"] ?? .null])
        }

        registry.register(service, "DeleteAutomatedReasoningPolicyTestCase") { request in
            let policy = try await store.draftPolicy(request)
            let id = request.input["testCaseId"]?.stringValue ?? ""
            // Deleting is idempotent: a test case already gone is success.
            guard let found = try await testCases.find("\(policy.arn)/test-case/\(id)", account: request.context.account) else { return OperationOutput() }
            guard AutomatedReasoningStore.sameInstant(request.input["lastUpdatedAt"], found.value["updatedAt"]) else {
                throw BedrockError.conflict("The test case has changed since the lastUpdatedAt you sent. Get it again and use its current updatedAt.")
            }
            try await testCases.delete(found)
            return OperationOutput()
        }

        registry.register(service, "ListAutomatedReasoningPolicyTestCases") { request in
            let policy = try await store.draftPolicy(request)
            let all = try await store.children(of: policy.arn, in: testCases, account: request.context.account)
            let query = ListQuery(request.input, scope: "ListAutomatedReasoningPolicyTestCases/\(policy.arn)", timeField: "createdAt")
            return .listing("testCases", try query.page(all))
        }
    }
}
