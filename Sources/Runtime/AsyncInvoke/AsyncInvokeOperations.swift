import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation

/// StartAsyncInvoke, GetAsyncInvoke and ListAsyncInvokes. An invocation is `InProgress`
/// for as long as the scenario's `jobs.async_invoke` says (1 s by default), then
/// `Completed` (its output written under the requested S3 URI, in the local object store)
/// or `Failed` with the model's error or the scenario's message.
public enum AsyncInvokeOperations {
    static let service = "bedrock-runtime"
    static let jobType = "async_invoke"
    /// How an invocation runs when the scenario does not say.
    public static let defaultTiming = JobTiming(durations: [("InProgress", 1)], outcome: "Completed")

    public static func register(into registry: inout OperationRegistry, models: RuntimeModels, environment: EmulatorEnvironment) {
        let invocations = ResourceCollection(service: service, type: "async-invoke", shape: "GetAsyncInvokeResponse", environment: environment)
        let outputs = AsyncInvokeOutputs()
        // When the virtual clock moves, invocations that fell due complete before it answers.
        environment.dueWork.add {
            for (arn, account) in await outputs.waiting() {
                guard let stored = try? await invocations.find(arn, account: account) else { continue }
                _ = try? await settle(stored, in: invocations, outputs: outputs, environment: environment)
            }
        }

        registry.register(service, "StartAsyncInvoke") { request in
            let input = request.input
            let account = request.context.account
            let token = input["clientRequestToken"]?.stringValue
            if let token, let earlier = try await invocations.list(account: account).first(where: { $0.value["clientRequestToken"]?.stringValue == token }) {
                return OperationOutput(["invocationArn": .string(earlier.arn)])
            }
            let resolved = try models.resolve(input["modelId"]?.stringValue ?? "")
            guard let s3Uri = input["outputDataConfig"]?["s3OutputDataConfig"]?["s3Uri"]?.stringValue else {
                throw BedrockError.validation("outputDataConfig.s3OutputDataConfig.s3Uri is required.")
            }
            _ = try S3Location(parsing: s3Uri)
            let id = ResourceID.lowercaseAlphanumeric(count: 12, using: environment.ids)
            let arn = account.arn(service: "bedrock", resource: "async-invoke/\(id)").description
            let folder = s3Uri.hasSuffix("/") ? s3Uri + id : s3Uri + "/" + id
            // Bad model input is found when the model runs: the invocation fails, the call does not.
            await outputs.hold(run(resolved.model, ShapeEncoder.document(input["modelInput"] ?? .null), models: models), for: arn, account: account)
            let now = environment.clock.now()
            var output = input["outputDataConfig"]?["s3OutputDataConfig"]?.mapValue ?? [:]
            output["s3Uri"] = .string(folder)
            var value: [String: ShapeValue] = [
                "invocationArn": .string(arn), "modelArn": .string(resolved.model.arn(region: account.region)), "status": "InProgress",
                "submitTime": .timestamp(now), "lastModifiedTime": .timestamp(now),
                "outputDataConfig": ["s3OutputDataConfig": .map(output)],
            ]
            value["clientRequestToken"] = input["clientRequestToken"]
            _ = try await invocations.insert(.map(value), id: id, arn: arn, account: account, tags: TaggingOperations.pairs(input["tags"]))
            environment.jobs.record(type: jobType, arn: arn, status: "InProgress", at: now)
            return OperationOutput(["invocationArn": .string(arn)])
        }

        registry.register(service, "GetAsyncInvoke") { request in
            let arn = request.input["invocationArn"]?.stringValue ?? ""
            guard let found = try await invocations.find(arn, account: request.context.account) else {
                // GetAsyncInvoke models no ResourceNotFoundException; AWS answers a ValidationException.
                throw BedrockError.validation("The invocation \(arn) does not exist. Check the invocation ARN and try again.")
            }
            return OperationOutput(try await settleAlone(found, in: invocations, outputs: outputs, environment: environment).value)
        }

        registry.register(service, "ListAsyncInvokes") { request in
            var all: [StoredResource] = []
            for stored in try await invocations.list(account: request.context.account) {
                all.append(try await settleAlone(stored, in: invocations, outputs: outputs, environment: environment))
            }
            let query = ListQuery(request.input, scope: "ListAsyncInvokes", timeField: "submitTime", defaultMaxResults: 1000)
            return .listing("asyncInvokeSummaries", try query.page(all))
        }
    }

    /// Runs the model now; the files are written when the invocation completes.
    static func run(_ model: FoundationModel, _ body: JSONValue, models: RuntimeModels) -> AsyncInvokeOutputs.Outcome {
        do throws(BedrockError) {
            if model.codec == "nova-reel" { return .files([("output.mp4", try NovaReelVideo.render(body))]) }
            let answer = try models.codec(for: model).invoke(body, Invocation(model: model, streaming: false))
            return .files([("output.json", Data(JSONWriter.write(answer.body)))])
        } catch {
            return .failure(error.message)
        }
    }

    /// Settles from a handler, one settle at a time with the sweeps, reading the invocation
    /// afresh: a sweep may have settled it a moment ago.
    static func settleAlone(_ stored: StoredResource, in invocations: ResourceCollection, outputs: AsyncInvokeOutputs, environment: EmulatorEnvironment) async throws -> StoredResource {
        guard stored.value["status"] == "InProgress" else { return stored }
        let account = AccountContext(accountId: stored.record.account, region: stored.record.region)
        return try await environment.dueWork.serial.run {
            let fresh = try await invocations.find(stored.arn, account: account) ?? stored
            return try await settle(fresh, in: invocations, outputs: outputs, environment: environment)
        }
    }

    /// Moves an invocation whose time has come to Completed or Failed, writing its files.
    static func settle(_ stored: StoredResource, in invocations: ResourceCollection, outputs: AsyncInvokeOutputs, environment: EmulatorEnvironment) async throws -> StoredResource {
        guard stored.value["status"] == "InProgress", let submitted = stored.value["submitTime"]?.timestampValue else { return stored }
        let timing = environment.scenario.jobTiming(jobType, fallback: defaultTiming)
        let due = submitted.addingTimeInterval(timing.totalSeconds)
        guard environment.clock.now() >= due else { return stored }
        var value = stored.value.mapValue ?? [:]
        let folder = stored.value["outputDataConfig"]?["s3OutputDataConfig"]?["s3Uri"]?.stringValue ?? ""
        let outcome = await outputs.take(stored.arn)
        switch timing.outcome == "Failed" ? .failure(timing.message ?? "The invocation failed, as the scenario says it should.") : outcome {
        case .files(let files)?:
            do {
                for file in files { try environment.objects.write(folder + "/" + file.name, file.data) }
                value["status"] = "Completed"
            } catch {
                value["status"] = "Failed"
                value["failureMessage"] = .string("The output could not be written to \(folder): \(error)")
            }
        case .failure(let message)?:
            value["status"] = "Failed"
            value["failureMessage"] = .string(message)
        case nil:
            value["status"] = "Failed"
            value["failureMessage"] = "The emulator restarted before this invocation finished."
        }
        value["endTime"] = .timestamp(due)
        value["lastModifiedTime"] = .timestamp(due)
        let settled = try await invocations.update(stored, to: .map(value))
        environment.jobs.record(type: jobType, arn: stored.arn, status: value["status"]?.stringValue ?? "", at: due)
        return settled
    }

}
