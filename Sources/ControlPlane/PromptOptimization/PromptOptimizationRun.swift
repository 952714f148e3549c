import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation

/// The work of an advanced prompt optimization job once its time comes: every prompt
/// template of the input JSONL rewritten for every target model, one line each in
/// `<output>/<jobId>/optimized-prompts.jsonl`.
struct PromptOptimizationRun: Sendable {
    let objects: ObjectStore

    func finish(_ stored: StoredResource, timing: JobTiming) -> [String: ShapeValue] {
        switch timing.outcome {
        case "Failed": return failed(timing.message ?? "The job failed, as the scenario says it should.")
        case "Stopped": return ["jobStatus": "Stopped"]
        default: break
        }
        let job = stored.value
        let input = job["inputConfig"]?["s3Uri"]?.stringValue ?? ""
        let output = job["outputConfig"]?["s3Uri"]?.stringValue ?? ""
        guard let data = try? objects.read(input), let text = String(data: data, encoding: .utf8) else {
            return failed("The input file \(input) cannot be read. Put the JSONL prompt templates in the local object store first.")
        }
        let models = (job["modelConfigurations"]?.listValue ?? []).compactMap { $0["modelId"]?.stringValue }
        var lines: [String] = [], failures = 0, templates = 0
        for (number, line) in text.split(separator: "\n").enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            templates += 1
            guard let record = try? JSONParser.parse(Data(line.utf8)), let prompt = record["promptTemplate"]?.stringValue, !prompt.isEmpty else {
                failures += 1
                lines.append(JSONValue.object(["line": .integer(Int64(number + 1)), "error": "The line is not a JSON object with a promptTemplate."]).jsonText)
                continue
            }
            let criteria = (record["steeringCriteria"]?.arrayValue ?? []).compactMap(\.stringValue)
            let samples = record["evaluationSamples"]?.arrayValue?.count ?? 0
            for model in models {
                lines.append(JSONValue.object([
                    "templateId": record["templateId"] ?? .string("template-\(number + 1)"), "modelId": .string(model),
                    "originalPromptTemplate": .string(prompt), "optimizedPromptTemplate": .string(Self.optimize(prompt, criteria: criteria)),
                    "evaluationSampleCount": .integer(Int64(samples)),
                ]).jsonText)
            }
        }
        guard templates > 0 else { return failed("The input file \(input) has no prompt templates; each line must be a JSON object with a promptTemplate.") }
        let file = (output.hasSuffix("/") ? output : output + "/") + stored.id + "/optimized-prompts.jsonl"
        do {
            try objects.write(file, Data((lines.joined(separator: "\n") + "\n").utf8))
        } catch {
            return failed("The output could not be written to \(file): \(error)")
        }
        if failures == templates { return failed("No line of \(input) holds a prompt template; see \(file).") }
        if failures > 0 { return ["jobStatus": "PartiallyCompleted", "failureMessage": .string("\(failures) of \(templates) lines were not prompt templates; see \(file).")] }
        return ["jobStatus": "Completed"]
    }

    /// The rewritten template: the same `{{placeholders}}`, an explicit role, the steering
    /// criteria as requirements, and a closing instruction; the same input always gives the same text.
    static func optimize(_ prompt: String, criteria: [String]) -> String {
        PromptOptimizer.plain(prompt, criteria: criteria)
    }

    func failed(_ message: String) -> [String: ShapeValue] {
        ["jobStatus": "Failed", "failureMessage": .string(message)]
    }
}
