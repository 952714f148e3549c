import BedrockAPI
import EmulatorCore
import FakeModels

/// What an evaluation job asks for, read from its input and checked against what the
/// emulator can run: the datasets with their metrics, the models answering, and the judge
/// models. Create reads it to refuse a bad job at once; the run reads it again to do the work.
struct EvaluationPlan: Sendable {
    /// A model whose answers are evaluated.
    enum Target: Sendable {
        /// A catalog model invoked on each prompt, by the identifier the job gave.
        case model(FoundationModel, identifier: String, maxTokens: Int?)
        /// Answers already in the dataset (`modelResponses`), under this source name.
        case precomputed(String)

        var identifier: String {
            switch self {
            case .model(_, let identifier, _): identifier
            case .precomputed(let name): name
            }
        }
    }

    /// A metric and how the emulator computes it.
    enum Metric: Sendable, Equatable {
        case accuracy, robustness, toxicity
        /// A built-in LLM-as-a-judge metric (`Builtin.Correctness`).
        case judged(String)
        /// A custom metric of `customMetricConfig`, judged on its rating scale.
        case custom(String)
    }

    /// One `datasetMetricConfigs` entry.
    struct DatasetRun: Sendable {
        var taskType: String
        var name: String
        var s3Uri: String?
        var metricNames: [String]
    }

    /// A judge model and, for a custom metric, its instructions and rating scale.
    struct Judge: Sendable {
        var model: FoundationModel
        var identifier: String
    }

    static let computed: [String: Metric] = ["Builtin.Accuracy": .accuracy, "Builtin.Robustness": .robustness, "Builtin.Toxicity": .toxicity]
    static let judgedNames: Set<String> = [
        "Builtin.Correctness", "Builtin.Completeness", "Builtin.Faithfulness", "Builtin.Helpfulness", "Builtin.Coherence",
        "Builtin.Relevance", "Builtin.FollowingInstructions", "Builtin.ProfessionalStyleAndTone", "Builtin.Harmfulness",
        "Builtin.Stereotyping", "Builtin.Refusal",
    ]

    var human: Bool
    var datasets: [DatasetRun]
    var targets: [Target]
    var judge: Judge?
    var customJudge: Judge?
    /// Custom metric definitions by name (`CustomMetricDefinition` members).
    var customMetrics: [String: ShapeValue]

    init(_ job: ShapeValue, catalog: ModelCatalog) throws(BedrockError) {
        if job["inferenceConfig"]?["ragConfigs"] != nil || job["applicationType"] == "RagEvaluation" {
            throw .validation("The emulator runs model evaluation jobs only; RAG evaluation (ragConfigs, applicationType RagEvaluation) is not supported yet.")
        }
        let config = job["evaluationConfig"]
        let automated = config?["automated"]
        human = automated == nil
        guard let section = automated ?? config?["human"] else {
            throw .validation("evaluationConfig must set automated or human.")
        }
        datasets = try (section["datasetMetricConfigs"]?.listValue ?? []).map { entry throws(BedrockError) in
            let name = entry["dataset"]?["name"]?.stringValue ?? ""
            let uri = entry["dataset"]?["datasetLocation"]?["s3Uri"]?.stringValue
            if name.hasPrefix("Builtin.") {
                guard BuiltinDatasets.samples[name] != nil else {
                    throw .validation("\(name) is not a built-in dataset. Use one of \(BuiltinDatasets.names.joined(separator: ", ")), or give datasetLocation.s3Uri for your own.")
                }
            } else {
                guard let uri else { throw .validation("The dataset \(name) is not built in, so it needs datasetLocation.s3Uri pointing at a JSONL prompt dataset.") }
                do { _ = try S3Location(parsing: uri) } catch { throw .validation("The dataset location \(uri) is not an s3:// URI.") }
            }
            return DatasetRun(
                taskType: entry["taskType"]?.stringValue ?? "Generation", name: name, s3Uri: name.hasPrefix("Builtin.") ? nil : uri,
                metricNames: entry["metricNames"]?.listValue?.compactMap(\.stringValue) ?? [])
        }
        targets = try (job["inferenceConfig"]?["models"]?.listValue ?? []).map { entry throws(BedrockError) in
            if let source = entry["precomputedInferenceSource"]?["inferenceSourceIdentifier"]?.stringValue { return .precomputed(source) }
            let identifier = entry["bedrockModel"]?["modelIdentifier"]?.stringValue ?? ""
            let model = try Self.textModel(identifier, catalog: catalog, role: "evaluate")
            return .model(model, identifier: identifier, maxTokens: Self.maxTokens(entry["bedrockModel"]?["inferenceParams"]?.stringValue))
        }
        guard !targets.isEmpty else { throw .validation("inferenceConfig.models must name the model to evaluate.") }
        if !human && targets.count > 1 {
            throw .validation("An automatic model evaluation job evaluates one model; give inferenceConfig.models a single entry.")
        }
        if let identifier = automated?["evaluatorModelConfig"]?["bedrockEvaluatorModels"]?.listValue?.first?["modelIdentifier"]?.stringValue {
            judge = Judge(model: try Self.textModel(identifier, catalog: catalog, role: "judge with"), identifier: identifier)
        }
        customMetrics = [:]
        if let custom = automated?["customMetricConfig"] {
            for source in custom["customMetrics"]?.listValue ?? [] {
                if let definition = source["customMetricDefinition"], let name = definition["name"]?.stringValue { customMetrics[name] = definition }
            }
            if let identifier = custom["evaluatorModelConfig"]?["bedrockEvaluatorModels"]?.listValue?.first?["modelIdentifier"]?.stringValue {
                customJudge = Judge(model: try Self.textModel(identifier, catalog: catalog, role: "judge with"), identifier: identifier)
            }
        }
        if !human {
            for dataset in datasets {
                for name in dataset.metricNames { _ = try metric(name) }
            }
        }
    }

    /// How the metric `name` is computed, or why the job cannot compute it.
    func metric(_ name: String) throws(BedrockError) -> Metric {
        if let metric = Self.computed[name] { return metric }
        if Self.judgedNames.contains(name) {
            guard judge != nil else {
                throw .validation("\(name) is judged by a model: set evaluationConfig.automated.evaluatorModelConfig.bedrockEvaluatorModels.")
            }
            return .judged(name)
        }
        if customMetrics[name] != nil {
            guard customJudge != nil else { throw .validation("The custom metric \(name) needs customMetricConfig.evaluatorModelConfig.") }
            return .custom(name)
        }
        let known = (Self.computed.keys.sorted() + Self.judgedNames.sorted()).joined(separator: ", ")
        throw .validation("The metric \(name) is not one the emulator computes. Use one of \(known), or define it in customMetricConfig.")
    }

    /// The catalog model `identifier` names, if it answers in text.
    static func textModel(_ identifier: String, catalog: ModelCatalog, role: String) throws(BedrockError) -> FoundationModel {
        guard let resolved = catalog.resolve(identifier) else {
            throw .validation("The model \(identifier) to \(role) is not a foundation model or inference profile the emulator knows.")
        }
        guard resolved.model.producesText else {
            throw .validation("\(resolved.model.modelId) does not produce text, so it cannot be used to \(role) in a model evaluation job.")
        }
        return resolved.model
    }

    /// The token limit in `inferenceParams` (a JSON string such as `{"inferenceConfig":{"maxTokens":512}}`).
    static func maxTokens(_ params: String?) -> Int? {
        guard let params, let json = try? JSONParser.parse(Array(params.utf8)) else { return nil }
        return (json["inferenceConfig"]?["maxTokens"] ?? json["maxTokens"] ?? json["max_tokens"])?.intValue
    }
}
