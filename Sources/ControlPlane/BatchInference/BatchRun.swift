import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation

/// The work of a batch inference job once its time comes: every record of every input
/// JSONL file through the model's native format, `<file>.out` per input and
/// `manifest.json.out` under `<output>/<jobId>/`.
struct BatchRun: Sendable {
    let objects: ObjectStore
    let catalog: ModelCatalog

    /// What a record failed by a scenario's `failed_ratio` reports.
    static let injectedFailure: JSONValue = ["errorCode": 500, "errorMessage": "The model could not process this record. Try it again in a new job."]

    func finish(_ stored: StoredResource, timing: JobTiming) -> [String: ShapeValue] {
        switch timing.outcome {
        case "Failed": return failed(timing.message ?? "The job failed, as the scenario says it should.")
        case "Expired": return ["status": "Expired", "message": .string(timing.message ?? "The job did not finish within its timeout.")]
        case "Stopped": return ["status": "Stopped"]
        default: break
        }
        let job = stored.value
        guard let input = job["inputDataConfig"]?["s3InputDataConfig"]?["s3Uri"]?.stringValue,
              let output = job["outputDataConfig"]?["s3OutputDataConfig"]?["s3Uri"]?.stringValue,
              let resolved = catalog.resolve(job["modelId"]?.stringValue ?? ""), let codec = Codecs.codec(for: resolved.model)
        else { return failed("The job's model or its input and output locations can no longer be read.") }
        if job["modelInvocationType"]?.stringValue == "Converse" {
            return failed("The emulator runs InvokeModel batch jobs only; set modelInvocationType to InvokeModel.")
        }
        let files: [String]
        do {
            files = try (objects.exists(input) ? [input] : objects.list(prefix: input).filter { $0.hasSuffix(".jsonl") })
        } catch {
            return failed("The input location \(input) cannot be read: \(error)")
        }
        guard !files.isEmpty else { return failed("No JSONL input was found at \(input). Put the records in the local object store first.") }

        var records: [(file: String, line: JSONValue)] = []
        for file in files {
            guard let data = try? objects.read(file), let text = String(data: data, encoding: .utf8) else {
                return failed("The input file \(file) cannot be read as UTF-8 text.")
            }
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                guard let record = try? JSONParser.parse(Data(line.utf8)), case .object(let members) = record, members["modelInput"] != nil else {
                    return failed("Line \(number + 1) of \(file) is not a JSON object with a modelInput. Each line must be {\"recordId\": \"...\", \"modelInput\": {...}}.")
                }
                records.append((file, record))
            }
        }
        let ratio = timing.outcome == "PartiallyCompleted" ? (timing.failedRatio ?? 0.1) : 0
        let jobId = stored.id
        var lines: [String: [String]] = [:]
        var succeeded = 0, inputTokens = 0, outputTokens = 0
        for (index, record) in records.enumerated() {
            var out: [String: JSONValue] = [
                "recordId": record.line["recordId"] ?? .string(Self.recordId(jobId: jobId, index: index)),
                "modelInput": record.line["modelInput"] ?? .null,
            ]
            if Self.fails(index, ratio: ratio) {
                out["error"] = Self.injectedFailure
            } else {
                do throws(BedrockError) {
                    let answer = try codec.invoke(record.line["modelInput"] ?? .null, Invocation(model: resolved.model, streaming: false))
                    out["modelOutput"] = answer.body
                    inputTokens += answer.inputTokens
                    outputTokens += answer.outputTokens
                    succeeded += 1
                } catch {
                    out["error"] = ["errorCode": .integer(Int64(error.status)), "errorMessage": .string(error.message)]
                }
            }
            lines[record.file, default: []].append(JSONValue.object(out).jsonText)
        }
        let folder = (output.hasSuffix("/") ? output : output + "/") + jobId + "/"
        let errors = records.count - succeeded
        let manifest: JSONValue = [
            "totalRecordCount": .integer(Int64(records.count)), "processedRecordCount": .integer(Int64(records.count)),
            "successRecordCount": .integer(Int64(succeeded)), "errorRecordCount": .integer(Int64(errors)),
            "inputTextTokenCount": .integer(Int64(inputTokens)), "outputTextTokenCount": .integer(Int64(outputTokens)),
        ]
        do {
            for file in files {
                let name = file.split(separator: "/").last.map(String.init) ?? "input.jsonl"
                try objects.write(folder + name + ".out", Data(((lines[file] ?? []).joined(separator: "\n") + "\n").utf8))
            }
            try objects.write(folder + "manifest.json.out", Data(JSONWriter.write(manifest)))
        } catch {
            return failed("The output could not be written to \(folder): \(error)")
        }
        var fields: [String: ShapeValue] = [
            "totalRecordCount": .integer(Int64(records.count)), "processedRecordCount": .integer(Int64(records.count)),
            "successRecordCount": .integer(Int64(succeeded)), "errorRecordCount": .integer(Int64(errors)),
        ]
        if errors == 0 {
            fields["status"] = "Completed"
        } else if succeeded == 0 {
            fields["status"] = "Failed"
            fields["message"] = .string("Every record failed; see the error of each in \(folder).")
        } else {
            fields["status"] = "PartiallyCompleted"
            fields["message"] = .string("\(errors) of \(records.count) records failed; see their errors in \(folder).")
        }
        return fields
    }

    func failed(_ message: String) -> [String: ShapeValue] {
        ["status": "Failed", "message": .string(message)]
    }

    /// Spreads `ratio` of the records evenly through the input: the same ones every run.
    static func fails(_ index: Int, ratio: Double) -> Bool {
        ratio > 0 && Int((Double(index + 1) * ratio).rounded(.down)) > Int((Double(index) * ratio).rounded(.down))
    }

    /// The id Bedrock gives a record that has none: 11 characters, fixed by job and position.
    static func recordId(jobId: String, index: Int) -> String {
        var random = SeededRandom(text: "\(jobId)\u{0}\(index)")
        return random.alphanumeric(11).uppercased()
    }
}
