import BedrockAPI
import FakeModels

/// The hyperparameters each base model family takes for fine-tuning, with their ranges and
/// defaults (the user guide's figures; Claude 3 Haiku, Llama 3.x and Nova from AWS's
/// model-customization pages). Values arrive as strings, as the API models them.
struct Hyperparameters {
    struct Range {
        let name: String
        let low: Double
        let high: Double
        let standard: String?
        /// `auto` (any case) is accepted in place of a number.
        var allowsAuto = false
        var multipleOf: Double?
    }

    static func family(of model: FoundationModel) -> [Range] {
        let id = model.modelId
        if id.hasPrefix("amazon.titan-text") {
            return [.init(name: "epochCount", low: 1, high: 10, standard: "5"), .init(name: "batchSize", low: 1, high: 64, standard: "1"),
                    .init(name: "learningRate", low: 0, high: 1, standard: "0.00001"), .init(name: "learningRateWarmupSteps", low: 0, high: 250, standard: "5")]
        }
        if id.hasPrefix("amazon.titan-image-generator") {
            return [.init(name: "batchSize", low: 8, high: 192, standard: "8", multipleOf: 8),
                    .init(name: "stepCount", low: 10, high: 40_000, standard: nil, allowsAuto: true),
                    .init(name: "learningRate", low: 0.0000001, high: 1, standard: "0.00001")]
        }
        if id.hasPrefix("amazon.titan-embed-image") {
            return [.init(name: "epochCount", low: 1, high: 100, standard: nil, allowsAuto: true),
                    .init(name: "batchSize", low: 256, high: 9216, standard: "576"), .init(name: "learningRate", low: 0.00000005, high: 1, standard: "0.00005")]
        }
        if id.hasPrefix("cohere.command") {
            return [.init(name: "epochCount", low: 1, high: 100, standard: "1"),
                    .init(name: "batchSize", low: 8, high: id.contains("light") ? 32 : 8, standard: "8"),
                    .init(name: "learningRate", low: 0.000005, high: 0.1, standard: "0.00001"),
                    .init(name: "earlyStoppingThreshold", low: 0, high: 0.1, standard: "0.01"),
                    .init(name: "earlyStoppingPatience", low: 1, high: 10, standard: "6"), .init(name: "evalPercentage", low: 5, high: 50, standard: "20")]
        }
        if id.hasPrefix("anthropic.") {
            return [.init(name: "epochCount", low: 1, high: 10, standard: "2"), .init(name: "batchSize", low: 4, high: 256, standard: "32"),
                    .init(name: "learningRateMultiplier", low: 0.1, high: 2, standard: "1"),
                    .init(name: "earlyStoppingThreshold", low: 0, high: 0.1, standard: "0.001"),
                    .init(name: "earlyStoppingPatience", low: 1, high: 10, standard: "2")]
        }
        if id.hasPrefix("amazon.nova") {
            return [.init(name: "epochCount", low: 1, high: 5, standard: "2"), .init(name: "learningRate", low: 0.000001, high: 0.0001, standard: "0.00001"),
                    .init(name: "learningRateWarmupSteps", low: 0, high: 100, standard: "10"), .init(name: "batchSize", low: 1, high: 1, standard: "1")]
        }
        // Llama 2 and 3.x.
        return [.init(name: "epochCount", low: 1, high: 10, standard: "5"), .init(name: "batchSize", low: 1, high: 1, standard: "1"),
                .init(name: "learningRate", low: 0.000005, high: 0.1, standard: "0.0001"),
                .init(name: "learningRateWarmupSteps", low: 0, high: 250, standard: "0")]
    }

    /// The hyperparameters a job runs with: those given, checked, and the defaults of the rest.
    static func resolve(_ given: [String: String], for model: FoundationModel) throws(BedrockError) -> [String: String] {
        let ranges = family(of: model)
        var result: [String: String] = [:]
        for (name, value) in given {
            guard let range = ranges.first(where: { $0.name == name }) else {
                throw .validation("Hyperparameter \(name) is not supported for \(model.modelId). Supported: \(ranges.map(\.name).joined(separator: ", ")).")
            }
            if range.allowsAuto && value.lowercased() == "auto" {
                result[name] = value
                continue
            }
            guard let number = Double(value), number >= range.low, number <= range.high,
                  range.multipleOf.map({ number.truncatingRemainder(dividingBy: $0) == 0 }) ?? true
            else {
                let step = range.multipleOf.map { ", a multiple of \(Validator.bound($0))" } ?? ""
                throw .validation("Hyperparameter \(name)=\(value) is out of range for \(model.modelId): it must be between \(Validator.bound(range.low)) and \(Validator.bound(range.high))\(step).")
            }
            result[name] = value
        }
        for range in ranges where result[range.name] == nil {
            guard let standard = range.standard else {
                throw .validation("Hyperparameter \(range.name) is required for \(model.modelId) (a number between \(Validator.bound(range.low)) and \(Validator.bound(range.high))\(range.allowsAuto ? ", or auto" : "")).")
            }
            result[range.name] = standard
        }
        return result
    }
}
