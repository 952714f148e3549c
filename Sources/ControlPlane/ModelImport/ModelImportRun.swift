import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation

/// The work of a Custom Model Import job once its time comes: the model files under the
/// job's S3 prefix checked as Bedrock checks them (safetensors weights, `config.json`,
/// tokenizer files, a supported architecture), then the imported model created.
struct ModelImportRun: Sendable {
    let objects: ObjectStore
    let importedModels: ResourceCollection
    let ids: IDGenerator
    /// The `importedModelTags` of each job, for its model.
    let modelTags: PendingModelTags

    /// `model_type` values of `config.json` Custom Model Import accepts.
    static let architectures: Set<String> = ["llama", "mistral", "mixtral", "t5", "qwen2", "qwen2_vl", "qwen2_5_vl", "gpt_bigcode", "gpt_oss"]

    /// What the model folder holds that the imported model reports.
    struct Artifacts {
        var architecture: String
        var instructSupported: Bool
        var weightBytes: Int
    }

    func finish(_ stored: StoredResource, timing: JobTiming) async -> [String: ShapeValue] {
        if timing.outcome == "Failed" { return failed(timing.message ?? "The import failed, as the scenario says it should.") }
        let job = stored.value
        let uri = job["modelDataSource"]?["s3DataSource"]?["s3Uri"]?.stringValue ?? ""
        let artifacts: Artifacts
        switch inspect(uri) {
        case .failure(let refusal): return failed(refusal.message)
        case .success(let found): artifacts = found
        }
        let account = AccountContext(accountId: stored.record.account, region: stored.record.region)
        let id = ResourceID.lowercaseAlphanumeric(count: 12, using: ids)
        let arn = account.arn(service: "bedrock", resource: "imported-model/\(id)").description
        let name = job["importedModelName"]?.stringValue ?? ""
        // One custom model unit per ~8 GB of weights, at least one, as Bedrock sizes imports.
        let units = max(1, (artifacts.weightBytes + 8_000_000_000 - 1) / 8_000_000_000)
        var model: [String: ShapeValue] = [
            "modelArn": .string(arn), "modelName": .string(name), "jobName": job["jobName"] ?? .null, "jobArn": .string(stored.arn),
            "modelDataSource": job["modelDataSource"] ?? .null, "creationTime": .timestamp(stored.value["creationTime"]?.timestampValue ?? stored.record.createdAt),
            "modelArchitecture": .string(artifacts.architecture), "instructSupported": .bool(artifacts.instructSupported),
            "customModelUnits": ["customModelUnitsPerModelCopy": .integer(Int64(units)), "customModelUnitsVersion": "v1.0"],
        ]
        model["modelKmsKeyArn"] = job["importedModelKmsKeyArn"]
        do {
            _ = try await importedModels.insert(
                .map(model.filter { $0.value != .null }), id: id, arn: arn, name: name, account: account, tags: modelTags.take(stored.arn))
        } catch {
            return failed("The imported model could not be stored: \(error)")
        }
        return ["status": "Completed", "importedModelArn": .string(arn)]
    }

    /// The model files under `uri`, or why Bedrock would refuse them.
    func inspect(_ uri: String) -> Result<Artifacts, JobRefusal> {
        let prefix = uri.hasSuffix("/") ? uri : uri + "/"
        let keys = (try? objects.list(prefix: prefix)) ?? []
        let names = Set(keys.map { String($0.dropFirst(prefix.count)) })
        let required = "Custom Model Import needs the weights as .safetensors files, config.json, tokenizer_config.json and tokenizer.json (or tokenizer.model) in one folder."
        guard !keys.isEmpty else { return .failure(JobRefusal("No model files were found at \(prefix). \(required)")) }
        var missing: [String] = []
        let weights = keys.filter { $0.hasSuffix(".safetensors") }
        if weights.isEmpty { missing.append("*.safetensors") }
        for file in ["config.json", "tokenizer_config.json"] where !names.contains(file) { missing.append(file) }
        if !names.contains("tokenizer.json") && !names.contains("tokenizer.model") { missing.append("tokenizer.json") }
        guard missing.isEmpty else {
            return .failure(JobRefusal("The model folder \(prefix) is missing \(missing.joined(separator: ", ")). \(required)"))
        }
        guard let data = try? objects.read(prefix + "config.json"), let config = try? JSONParser.parse(data), config.objectValue != nil else {
            return .failure(JobRefusal("\(prefix)config.json is not a JSON object. Use the config.json saved with the Hugging Face model."))
        }
        let type = config["model_type"]?.stringValue ?? ""
        guard Self.architectures.contains(type) else {
            return .failure(JobRefusal(
                "The model architecture \(type.isEmpty ? "(no model_type in config.json)" : type) is not supported for import. Supported model_type values: \(Self.architectures.sorted().joined(separator: ", "))."))
        }
        let tokenizer = (try? objects.read(prefix + "tokenizer_config.json")).flatMap { try? JSONParser.parse($0) }
        let size = weights.reduce(0) { total, uri in
            let path = (try? objects.url(for: uri))?.path ?? ""
            return total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        }
        return .success(Artifacts(architecture: type, instructSupported: tokenizer?["chat_template"] != nil, weightBytes: size))
    }

    func failed(_ message: String) -> [String: ShapeValue] {
        ["status": "Failed", "failureMessage": .string(message)]
    }
}
