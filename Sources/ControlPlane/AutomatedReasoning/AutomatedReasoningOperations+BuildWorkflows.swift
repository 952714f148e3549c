import BedrockAPI
import EmulatorCore
import Foundation

extension AutomatedReasoningOperations {
    static let buildJobType = "automated_reasoning_build"
    /// Twenty seconds from SCHEDULED to COMPLETED, each status long enough to watch.
    public static let defaultBuildTiming = JobTiming(
        durations: [("SCHEDULED", 2), ("PREPROCESSING", 3), ("BUILDING", 10), ("TESTING", 5)], outcome: "COMPLETED")

    /// Build workflows: Start (its assets worked out from the source at once, offered when it
    /// completes), Get, List, Cancel (CANCEL_REQUESTED -> CANCELLED), Delete, the result
    /// assets, the annotations and the next scenario.
    static func registerBuildWorkflows(into registry: inout OperationRegistry, store: AutomatedReasoningStore) -> TimedJobs {
        let workflows = store.buildWorkflows
        let environment = store.environment
        let jobs = TimedJobs(
            type: buildJobType, collection: workflows, defaultTiming: defaultBuildTiming, startField: "createdAt",
            fields: .init(status: "status", modified: "updatedAt", end: nil, stopping: "CANCEL_REQUESTED", stopped: "CANCELLED"), environment: environment, finish: { _, _ in [:] })

        registry.register(service, "StartAutomatedReasoningPolicyBuildWorkflow") { request in
            let input = request.input
            let account = request.context.account
            let policy = try await store.draftPolicy(request)
            let scope = "build/\(policy.arn)"
            if let id = store.tokens.earlier(input["clientRequestToken"]?.stringValue, scope: scope, account: account)?.stringValue {
                return OperationOutput(["policyArn": .string(policy.arn), "buildWorkflowId": .string(id)])
            }
            let type = input["buildWorkflowType"]?.stringValue ?? ""
            let source = input["sourceContent"] ?? [:]
            try requireSource(type: type, source: source)
            if let running = try await store.children(of: policy.arn, in: workflows, account: account)
                .first(where: { jobs.isRunning($0.value["status"]?.stringValue) }) {
                let current = try await jobs.current(running)
                if jobs.isRunning(current.value["status"]?.stringValue) {
                    throw BedrockError.conflict(
                        "The build workflow \(current.value["buildWorkflowId"]?.stringValue ?? "") of this policy is still \(current.value["status"]?.stringValue ?? ""). Wait for it to finish or cancel it.")
                }
            }
            let id = ResourceID.uuid(using: environment.ids)
            let arn = "\(policy.arn)/build-workflow/\(id)"
            let now = environment.clock.now()
            var value: [String: ShapeValue] = [
                "policyArn": .string(policy.arn), "buildWorkflowId": .string(id), "status": "SCHEDULED", "buildWorkflowType": .string(type),
                "createdAt": .timestamp(now), "updatedAt": .timestamp(now),
            ]
            if let document = source["workflowContent"]?["documents"]?.listValue?.first {
                value["documentName"] = document["documentName"]
                value["documentContentType"] = document["documentContentType"]
                value["documentDescription"] = document["documentDescription"]
            }
            let annotations = PolicyBuild.annotations(of: source)
            var starting = source["policyDefinition"]
            if starting == nil { starting = try await store.definition(of: policy) }
            let assets = PolicyBuild.assets(type: type, source: source, annotations: annotations, starting: starting ?? AutomatedReasoningStore.emptyDefinition)
            let stored = try await workflows.insert(.map(value), id: "\(policy.id)/\(id)", arn: arn, account: account)
            try await store.assets.set(assets, of: arn, account: account)
            try await store.annotations.set(.map(annotationSet(annotations, policy: policy, id: id, at: now, store: store)), of: arn, account: account)
            store.tokens.remember(input["clientRequestToken"]?.stringValue, scope: scope, account: account, answer: .string(id))
            jobs.started(stored, account: account)
            return OperationOutput(["policyArn": .string(policy.arn), "buildWorkflowId": .string(id)])
        }

        registry.register(service, "GetAutomatedReasoningPolicyBuildWorkflow") { request in
            OperationOutput(try await jobs.current(try await store.buildWorkflow(request)).value)
        }

        registry.register(service, "ListAutomatedReasoningPolicyBuildWorkflows") { request in
            let policy = try await store.draftPolicy(request)
            var all: [StoredResource] = []
            for workflow in try await store.children(of: policy.arn, in: workflows, account: request.context.account) {
                all.append(try await jobs.current(workflow))
            }
            let query = ListQuery(request.input, scope: "ListAutomatedReasoningPolicyBuildWorkflows/\(policy.arn)", timeField: "createdAt")
            return .listing("automatedReasoningPolicyBuildWorkflowSummaries", try query.page(all))
        }

        registry.register(service, "CancelAutomatedReasoningPolicyBuildWorkflow") { request in
            let workflow = try await jobs.current(try await store.buildWorkflow(request))
            let status = workflow.value["status"]?.stringValue ?? ""
            guard jobs.isRunning(status), status != "CANCEL_REQUESTED" else {
                throw BedrockError.validation("The build workflow is \(status) and can no longer be cancelled.")
            }
            _ = try await jobs.stop(workflow)
            return OperationOutput()
        }

        registry.register(service, "DeleteAutomatedReasoningPolicyBuildWorkflow") { request in
            let account = request.context.account
            let workflow = try await jobs.current(try await store.buildWorkflow(request))
            guard AutomatedReasoningStore.sameInstant(request.input["lastUpdatedAt"], workflow.value["updatedAt"]) else {
                throw BedrockError.conflict("The build workflow has changed since the lastUpdatedAt you sent. Get it again and use its current updatedAt.")
            }
            if jobs.isRunning(workflow.value["status"]?.stringValue) {
                throw BedrockError.resourceInUse("The build workflow is still \(workflow.value["status"]?.stringValue ?? ""). Cancel it and wait until it is CANCELLED before deleting it.")
            }
            for result in try await store.children(of: workflow.arn, in: store.testResults, account: account) { try await store.testResults.delete(result) }
            try await store.assets.remove(of: workflow.arn, account: account)
            try await store.annotations.remove(of: workflow.arn, account: account)
            try await workflows.delete(workflow)
            return OperationOutput()
        }

        registry.register(service, "GetAutomatedReasoningPolicyBuildWorkflowResultAssets") { request in
            let (workflow, assets) = try await completed(request, store: store, jobs: jobs)
            let type = request.input["assetType"]?.stringValue ?? ""
            let member = [
                "BUILD_LOG": "buildLog", "QUALITY_REPORT": "qualityReport", "POLICY_DEFINITION": "policyDefinition",
                "GENERATED_TEST_CASES": "generatedTestCases", "POLICY_SCENARIOS": "policyScenarios", "FIDELITY_REPORT": "fidelityReport",
                "ASSET_MANIFEST": "assetManifest", "SOURCE_DOCUMENT": "document",
            ][type] ?? ""
            var asset = assets[member]
            if type == "SOURCE_DOCUMENT", let wanted = request.input["assetId"]?.stringValue {
                let listed = assets["assetManifest"]?["entries"]?.listValue ?? []
                let first = listed.first { $0["assetType"] == "SOURCE_DOCUMENT" }?["assetId"]?.stringValue
                if wanted != first { asset = nil }
            }
            guard let asset, asset != .null else {
                throw BedrockError.resourceNotFound(
                    "The build workflow \(workflow.value["buildWorkflowId"]?.stringValue ?? "") has no \(type) asset; its asset manifest lists the ones it has.")
            }
            return OperationOutput([
                "policyArn": workflow.value["policyArn"] ?? .null, "buildWorkflowId": workflow.value["buildWorkflowId"] ?? .null,
                "buildWorkflowAssets": .map([member: asset]),
            ])
        }

        registry.register(service, "GetAutomatedReasoningPolicyAnnotations") { request in
            let workflow = try await store.buildWorkflow(request)
            return OperationOutput(try await store.annotations.value(of: workflow.arn, account: request.context.account) ?? [:])
        }

        registry.register(service, "UpdateAutomatedReasoningPolicyAnnotations") { request in
            let account = request.context.account
            let workflow = try await store.buildWorkflow(request)
            let current = try await store.annotations.value(of: workflow.arn, account: account) ?? [:]
            guard request.input["lastUpdatedAnnotationSetHash"] == current["annotationSetHash"] else {
                throw BedrockError.conflict(
                    "The annotations have changed since the lastUpdatedAnnotationSetHash you sent. Get them again and use the current annotationSetHash.")
            }
            let policy = try await store.draftPolicy(request)
            let updated = annotationSet(
                request.input["annotations"]?.listValue ?? [], policy: policy, id: workflow.value["buildWorkflowId"]?.stringValue ?? "",
                at: environment.clock.now(), store: store)
            try await store.annotations.set(.map(updated), of: workflow.arn, account: account)
            return OperationOutput([
                "policyArn": .string(policy.arn), "buildWorkflowId": workflow.value["buildWorkflowId"] ?? .null,
                "annotationSetHash": updated["annotationSetHash"] ?? .null, "updatedAt": updated["updatedAt"] ?? .null,
            ])
        }

        registry.register(service, "GetAutomatedReasoningPolicyNextScenario") { request in
            let (workflow, assets) = try await completed(request, store: store, jobs: jobs)
            var output: [String: ShapeValue] = ["policyArn": workflow.value["policyArn"] ?? .null]
            // The first rule's scenario; a policy without rules has none to offer.
            output["scenario"] = assets["policyDefinition"]?["rules"]?.listValue?.first.map(PolicyBuild.scenario)
            return OperationOutput(.map(output))
        }
        return jobs
    }

    /// What each workflow type needs in its source, as Bedrock requires it.
    static func requireSource(type: String, source: ShapeValue) throws(BedrockError) {
        let content = source["workflowContent"]
        switch type {
        case "INGEST_CONTENT":
            guard let documents = content?["documents"]?.listValue, !documents.isEmpty else {
                throw .validation("An INGEST_CONTENT build workflow needs at least one document in sourceContent.workflowContent.documents.")
            }
        case "REFINE_POLICY":
            guard content?["policyRepairAssets"] != nil else {
                throw .validation("A REFINE_POLICY build workflow needs sourceContent.workflowContent.policyRepairAssets with the annotations to apply.")
            }
        case "IMPORT_POLICY":
            guard let definition = source["policyDefinition"] else {
                throw .validation("An IMPORT_POLICY build workflow needs sourceContent.policyDefinition.")
            }
            try PolicyDefinitionCheck.validate(definition)
        default: break
        }
    }

    /// The annotations response stored beside a workflow, with its content hash.
    static func annotationSet(_ annotations: [ShapeValue], policy: StoredResource, id: String, at time: Date, store: AutomatedReasoningStore) -> [String: ShapeValue] {
        [
            "policyArn": .string(policy.arn), "name": policy.value["name"] ?? .null, "buildWorkflowId": .string(id), "annotations": .list(annotations),
            "annotationSetHash": .string(ShapeEncoder(service: store.policies.service).sha512Hex(.list(annotations), as: "AutomatedReasoningPolicyAnnotationList")),
            "updatedAt": .timestamp(time),
        ]
    }

    /// A build workflow that has COMPLETED, and its assets; any other status is a ValidationException.
    static func completed(_ request: OperationRequest, store: AutomatedReasoningStore, jobs: TimedJobs) async throws -> (StoredResource, ShapeValue) {
        let workflow = try await jobs.current(try await store.buildWorkflow(request))
        let status = workflow.value["status"]?.stringValue ?? ""
        guard status == "COMPLETED" else {
            throw BedrockError.validation("The build workflow is \(status); its results are ready once it is COMPLETED.")
        }
        return (workflow, try await store.assets.value(of: workflow.arn, account: request.context.account) ?? [:])
    }
}
