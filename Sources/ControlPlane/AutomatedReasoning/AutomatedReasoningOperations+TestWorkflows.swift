import BedrockAPI
import EmulatorCore
import Foundation

extension AutomatedReasoningOperations {
    /// Test workflows: StartAutomatedReasoningPolicyTestWorkflow checks each test case against
    /// the definition a COMPLETED build workflow produced, at once; Get and List show the results.
    static func registerTestWorkflows(into registry: inout OperationRegistry, store: AutomatedReasoningStore, builds: TimedJobs) {
        let results = store.testResults
        let environment = store.environment

        registry.register(service, "StartAutomatedReasoningPolicyTestWorkflow") { request in
            let account = request.context.account
            let policy = try await store.draftPolicy(request)
            let workflow = try await builds.current(try await store.buildWorkflow(request))
            let status = workflow.value["status"]?.stringValue ?? ""
            if builds.isRunning(status) {
                throw BedrockError.resourceInUse("The build workflow is still \(status); run tests once it is COMPLETED.")
            }
            guard status == "COMPLETED" else {
                throw BedrockError.validation("The build workflow is \(status); only a COMPLETED build workflow's policy can be tested.")
            }
            let assets = try await store.assets.value(of: workflow.arn, account: account) ?? [:]
            let all = try await store.children(of: policy.arn, in: store.testCases, account: account)
            var chosen = all
            if let ids = request.input["testCaseIds"]?.listValue?.compactMap(\.stringValue) {
                chosen = []
                for id in ids {
                    guard let found = all.first(where: { $0.value["testCaseId"]?.stringValue == id }) else {
                        throw BedrockError.resourceNotFound("The test case \(id) does not exist in the policy \(policy.arn).")
                    }
                    chosen.append(found)
                }
            }
            let check = PolicyCheck(definition: assets["policyDefinition"] ?? AutomatedReasoningStore.emptyDefinition, policyArn: policy.arn)
            let now = environment.clock.now()
            for testCase in chosen {
                let outcome = check.check(testCase.value["guardContent"]?.stringValue ?? "")
                let expected = testCase.value["expectedAggregatedFindingsResult"]?.stringValue
                let value: ShapeValue = [
                    "testCase": testCase.value, "policyArn": .string(policy.arn), "testRunStatus": "COMPLETED",
                    "testFindings": [outcome.finding], "aggregatedTestFindingsResult": .string(outcome.result),
                    "testRunResult": expected == outcome.result ? "PASSED" : "FAILED", "updatedAt": .timestamp(now),
                ]
                let caseId = testCase.value["testCaseId"]?.stringValue ?? ""
                let arn = "\(workflow.arn)/test-result/\(caseId)"
                if let earlier = try await results.find(arn, account: account) {
                    try await results.update(earlier, to: value)
                } else {
                    _ = try await results.insert(value, id: "\(workflow.id)/\(caseId)", arn: arn, account: account)
                }
            }
            return OperationOutput(["policyArn": .string(policy.arn)])
        }

        registry.register(service, "GetAutomatedReasoningPolicyTestResult") { request in
            let workflow = try await store.buildWorkflow(request)
            let id = request.input["testCaseId"]?.stringValue ?? ""
            let found = try await results.require(
                "\(workflow.arn)/test-result/\(id)", account: request.context.account,
                notFound: .resourceNotFound("The test case \(id) has no result for this build workflow. Start a test workflow first."))
            return OperationOutput(["testResult": found.value])
        }

        registry.register(service, "ListAutomatedReasoningPolicyTestResults") { request in
            let workflow = try await store.buildWorkflow(request)
            let all = try await store.children(of: workflow.arn, in: results, account: request.context.account)
            let query = ListQuery(request.input, scope: "ListAutomatedReasoningPolicyTestResults/\(workflow.arn)", timeField: "updatedAt")
            return .listing("testResults", try query.page(all))
        }
    }
}
