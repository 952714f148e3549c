import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation
import Synchronization

/// The work of a customization job once its time comes: the training (and validation)
/// data read and checked as Bedrock checks it, metrics files written under the output
/// URI, and the custom model created.
struct TrainingRun: Sendable {
    let objects: ObjectStore
    let catalog: ModelCatalog
    let customModels: ResourceCollection
    let ids: IDGenerator
    /// The `customModelTags` of each job, for its model; kept in memory until the job ends.
    let modelTags: PendingModelTags

    func finish(_ stored: StoredResource, timing: JobTiming) async -> [String: ShapeValue] {
        switch timing.outcome {
        case "Failed": return failed(timing.message ?? "The job failed, as the scenario says it should.")
        case "Stopped": return ["status": "Stopped"]
        default: break
        }
        let job = stored.value
        let type = job["customizationType"]?.stringValue ?? "FINE_TUNING"
        guard let training = job["trainingDataConfig"]?["s3Uri"]?.stringValue,
              let output = job["outputDataConfig"]?["s3Uri"]?.stringValue,
              let base = catalog.resolve(job["baseModelArn"]?.stringValue ?? "")?.model
        else { return failed("Encountered an unexpected error when processing the request, please try again") }
        let records: Int
        switch readRecords(training, type: type) {
        case .failure(let refusal): return failed(refusal.message)
        case .success(let count): records = count
        }
        var validationRecords: Int?
        if case .list(let validators)? = job["validationDataConfig"]?["validators"], let uri = validators.first?["s3Uri"]?.stringValue {
            switch readRecords(uri, type: type) {
            case .failure(let refusal): return failed(refusal.message)
            case .success(let count): validationRecords = count
            }
        }

        let hyper = job["hyperParameters"]?.mapValue?.compactMapValues(\.stringValue) ?? [:]
        let epochs = max(1, Int(Double(hyper["epochCount"] ?? "") ?? 2))
        let batch = max(1, Int(Double(hyper["batchSize"] ?? "") ?? 1))
        let steps = min(500, max(1, (records * epochs + batch - 1) / batch))
        var random = SeededRandom(text: stored.arn)
        let folder = (output.hasSuffix("/") ? output : output + "/") + "model-customization-job-\(stored.id)/"
        var csv = "step_number,epoch_number,training_loss,perplexity\n"
        var loss = 0.0
        for step in 1...steps {
            loss = Self.loss(step: step, of: steps, random: &random)
            csv += "\(step),\((step - 1) * epochs / steps),\(Self.format(loss)),\(Self.format(exp(loss)))\n"
        }
        var fields: [String: ShapeValue] = ["trainingMetrics": ["trainingLoss": .double(Self.rounded(loss))]]
        do {
            try objects.write(folder + "training_artifacts/step_wise_training_metrics.csv", Data(csv.utf8))
            if validationRecords != nil {
                let validationLoss = Self.rounded(loss * 1.08)
                let validation = "step_number,epoch_number,validation_loss,perplexity\n\(steps),\(epochs),\(Self.format(validationLoss)),\(Self.format(exp(validationLoss)))\n"
                try objects.write(folder + "validation_artifacts/post_fine_tuning_validation/validation_metrics.csv", Data(validation.utf8))
                fields["validationMetrics"] = [["validationLoss": .double(validationLoss)]]
            }
        } catch {
            return failed("Amazon S3 perms missing (PutObject): Could not validate PutObject permissions to access S3 bucket at \(folder)")
        }

        let account = AccountContext(accountId: stored.record.account, region: stored.record.region)
        let id = ResourceID.lowercaseAlphanumeric(count: 12, using: ids)
        let modelArn = account.arn(service: "bedrock", resource: "custom-model/\(base.modelId)/\(id)").description
        let name = job["outputModelName"]?.stringValue ?? ""
        var model: [String: ShapeValue] = [
            "modelArn": .string(modelArn), "modelName": .string(name), "jobName": job["jobName"] ?? .null, "jobArn": .string(stored.arn),
            "baseModelArn": job["baseModelArn"] ?? .null, "customizationType": .string(type), "modelStatus": "Active",
            "creationTime": job["creationTime"] ?? .null,
        ]
        for key in ["hyperParameters", "trainingDataConfig", "validationDataConfig", "outputDataConfig", "customizationConfig", "outputModelKmsKeyArn"] {
            model[key == "outputModelKmsKeyArn" ? "modelKmsKeyArn" : key] = job[key]
        }
        model.merge(fields) { _, new in new }
        let tags = modelTags.take(stored.arn)
        do {
            _ = try await customModels.insert(.map(model.filter { $0.value != .null }), id: id, arn: modelArn, name: name, account: account, tags: tags)
        } catch {
            return failed("Encountered an unexpected error when processing the request, please try again")
        }
        fields["outputModelArn"] = .string(modelArn)
        fields["status"] = "Completed"
        return fields
    }

    func failed(_ message: String) -> [String: ShapeValue] {
        ["status": "Failed", "failureMessage": .string(message)]
    }

    /// How many records the JSONL at `uri` holds, or why Bedrock would refuse it.
    func readRecords(_ uri: String, type: String) -> Result<Int, TrainingDataError> {
        guard let location = try? S3Location(parsing: uri), let data = try? objects.read(uri) else {
            let location = try? S3Location(parsing: uri)
            return .failure(TrainingDataError(
                "Could not validate GetObject permissions to access Amazon S3 bucket: \(location?.bucket ?? uri) at key \(location?.key ?? "")"))
        }
        let file = location.segments.last ?? location.key
        let keys = type == "CONTINUED_PRE_TRAINING" ? [["input"]] : [["prompt", "completion"], ["messages"], ["image-ref", "caption"], ["prompt"]]
        var count = 0
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let record = try? JSONParser.parse(Data(line.utf8)), case .object(let members) = record,
                  keys.contains(where: { $0.allSatisfy { members[$0] != nil } })
            else {
                let expected = keys.map { "{" + $0.joined(separator: ", ") + "}" }.joined(separator: " or ")
                return .failure(TrainingDataError("Unable to parse Amazon S3 file: \(file). Data files must conform to JSONL format. Line \(number + 1) must be a JSON object with \(expected)."))
            }
            count += 1
        }
        guard count > 0 else { return .failure(TrainingDataError("Unable to parse Amazon S3 file: \(file). Data files must conform to JSONL format. The file has no records.")) }
        return .success(count)
    }

    /// A loss curve that falls steeply and then levels off, with a little seeded noise.
    static func loss(step: Int, of steps: Int, random: inout SeededRandom) -> Double {
        let progress = Double(step) / Double(steps)
        let noise = (Double(random.below(1000)) / 1000 - 0.5) * 0.04
        return rounded(0.35 + 2.2 * exp(-4 * progress) + noise)
    }

    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    static func format(_ value: Double) -> String { String(format: "%.4f", value) }
}

/// Why training data was refused, in Bedrock's words.
struct TrainingDataError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// The tags each running job will give its custom model.
final class PendingModelTags: Sendable {
    private let tags = Mutex<[String: [String: String]]>([:])

    func hold(_ jobTags: [String: String], for jobArn: String) {
        tags.withLock { $0[jobArn] = jobTags }
    }

    func take(_ jobArn: String) -> [String: String] {
        tags.withLock { $0.removeValue(forKey: jobArn) } ?? [:]
    }
}
