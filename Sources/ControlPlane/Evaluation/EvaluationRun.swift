import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation

/// The work of an automatic evaluation job once its time comes: every prompt of every
/// dataset through the model, each metric scored, and the records written where Bedrock
/// writes them: `<output>/<job-name>/<job-id>/models/<model>/taskTypes/<task>/datasets/<dataset>/<uuid>_output.jsonl`,
/// with the custom metric definitions under `custom_metrics/` and the emulator's
/// per-metric averages in `summary.json`. Human jobs keep waiting for their workers.
struct EvaluationRun: Sendable {
    let objects: ObjectStore
    let catalog: ModelCatalog
    let scenario: ScenarioEngine

    /// The most prompts a custom dataset may hold.
    static let promptLimit = 1000

    func finish(_ stored: StoredResource, timing: JobTiming) -> [String: ShapeValue] {
        switch timing.outcome {
        case "Failed": return failed(timing.message ?? "The job failed, as the scenario says it should.")
        case "Stopped": return ["status": "Stopped"]
        default: break
        }
        let job = stored.value
        let plan: EvaluationPlan
        do { plan = try EvaluationPlan(job, catalog: catalog) } catch { return failed(error.message) }
        // A human job waits for its work team, which never comes in the emulator: it stays InProgress until stopped.
        if plan.human { return ["status": "InProgress"] }
        guard let output = job["outputDataConfig"]?["s3Uri"]?.stringValue else { return failed("The job has no outputDataConfig.s3Uri.") }
        let folder = (output.hasSuffix("/") ? output : output + "/") + (job["jobName"]?.stringValue ?? stored.id) + "/" + stored.id + "/"
        let scorer = EvaluationScorer(generator: ChatGenerator(seed: scenario.seed))
        var random = SeededRandom(text: stored.arn)
        var summary: [JSONValue] = []
        do {
            for dataset in plan.datasets {
                let records = try read(dataset)
                for target in plan.targets {
                    var lines: [String] = []
                    var totals: [String: Double] = [:]
                    for (number, record) in records.enumerated() {
                        let prompt = record["prompt"]?.stringValue ?? ""
                        let response = try answer(target, record: record, prompt: prompt, line: number + 1, dataset: dataset.name)
                        var scores: [JSONValue] = []
                        for name in dataset.metricNames {
                            let metric = try plan.metric(name)
                            let entry: JSONValue
                            do {
                                entry = try scorer.score(
                                    metric, name: name, prompt: prompt, reference: record["referenceResponse"]?.stringValue, response: response,
                                    answer: { invoke(target, prompt: $0) }, plan: plan)
                            } catch {
                                throw JobRefusal("\(error.message) (line \(number + 1) of the dataset \(dataset.name)).")
                            }
                            totals[name, default: 0] += entry["result"]?.doubleValue ?? 0
                            scores.append(entry)
                        }
                        let line: JSONValue = [
                            "automatedEvaluationResult": ["scores": .array(scores)],
                            "inputRecord": record,
                            "modelResponses": [["response": .string(response), "modelIdentifier": .string(target.identifier)]],
                        ]
                        lines.append(line.jsonText)
                    }
                    let model = target.identifier.split(separator: "/").last.map(String.init) ?? target.identifier
                    let file = folder + "models/\(model)/taskTypes/\(dataset.taskType)/datasets/\(dataset.name)/\(Self.uuid(&random))_output.jsonl"
                    try objects.write(file, Data((lines.joined(separator: "\n") + "\n").utf8))
                    for name in dataset.metricNames {
                        summary.append([
                            "modelIdentifier": .string(target.identifier), "taskType": .string(dataset.taskType), "dataset": .string(dataset.name),
                            "metricName": .string(name), "result": .double(EvaluationScorer.rounded((totals[name] ?? 0) / Double(records.count))),
                            "recordCount": .integer(Int64(records.count)), "output": .string(file),
                        ])
                    }
                }
            }
            for (name, definition) in plan.customMetrics {
                try objects.write(folder + "custom_metrics/\(name).json", Data(JSONWriter.write(["customMetricDefinition": ShapeEncoder.document(definition)])))
            }
            try objects.write(folder + "summary.json", Data(JSONWriter.write(["jobArn": .string(stored.arn), "results": .array(summary)])))
        } catch let refusal as JobRefusal {
            return failed(refusal.message)
        } catch let error as BedrockError {
            return failed(error.message)
        } catch {
            return failed("The results could not be written to \(folder): \(error)")
        }
        return ["status": "Completed"]
    }

    /// The prompt records of a dataset: the built-in sample, or the JSONL in the object store.
    func read(_ dataset: EvaluationPlan.DatasetRun) throws(JobRefusal) -> [JSONValue] {
        if let sample = BuiltinDatasets.samples[dataset.name] {
            return sample.map { record in
                var line: [String: JSONValue] = ["prompt": .string(record.prompt)]
                line["referenceResponse"] = record.reference.map(JSONValue.string)
                line["category"] = record.category.map(JSONValue.string)
                return .object(line)
            }
        }
        let uri = dataset.s3Uri ?? ""
        guard let data = try? objects.read(uri) else {
            throw JobRefusal("The prompt dataset \(dataset.name) could not be read: there is no object at \(uri). Put the JSONL dataset in the local object store first.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw JobRefusal("The prompt dataset \(uri) is not UTF-8 text. It must be JSON Lines, one {\"prompt\": ...} object per line.")
        }
        var records: [JSONValue] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let record = try? JSONParser.parse(Data(line.utf8)), record.objectValue != nil, record["prompt"]?.stringValue != nil else {
                throw JobRefusal("Line \(number + 1) of the prompt dataset \(uri) is not a JSON object with a \"prompt\" string. Each line must look like {\"prompt\": \"...\", \"referenceResponse\": \"...\", \"category\": \"...\"}.")
            }
            records.append(record)
        }
        guard !records.isEmpty else { throw JobRefusal("The prompt dataset \(uri) holds no prompts.") }
        guard records.count <= Self.promptLimit else {
            throw JobRefusal("The prompt dataset \(uri) holds \(records.count) prompts; a custom prompt dataset can hold at most \(Self.promptLimit).")
        }
        return records
    }

    /// The evaluated model's answer to one record: invoked, or taken from the record's `modelResponses`.
    func answer(_ target: EvaluationPlan.Target, record: JSONValue, prompt: String, line: Int, dataset: String) throws(JobRefusal) -> String {
        guard case .precomputed(let source) = target else { return invoke(target, prompt: prompt) }
        let responses = record["modelResponses"]?.arrayValue ?? []
        guard let found = responses.first(where: { $0["modelIdentifier"]?.stringValue == source }) ?? responses.first,
              let text = found["response"]?.stringValue
        else {
            throw JobRefusal("Line \(line) of the dataset \(dataset) has no modelResponses entry with a response for \(source), which precomputed inference needs.")
        }
        return text
    }

    func invoke(_ target: EvaluationPlan.Target, prompt: String) -> String {
        guard case .model(let model, _, let maxTokens) = target else { return "" }
        return ChatGenerator(seed: scenario.seed).reply(to: ChatRequest(prompt: prompt, maxTokens: maxTokens ?? 256), model: model).text
    }

    func failed(_ message: String) -> [String: ShapeValue] {
        ["status": "Failed", "failureMessages": [.string(message)]]
    }

    /// A UUID-shaped name fixed by the job, for the output files.
    static func uuid(_ random: inout SeededRandom) -> String {
        let hex = (0..<32).map { _ in String(random.below(16), radix: 16) }.joined()
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return parts.joined(separator: "-")
    }
}
