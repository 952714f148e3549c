import BedrockAPI
import Foundation

/// The word data guardrails are judged by (`fixtures/guardrails/lexicons.json`, bundled):
/// each content filter category's phrases with the confidence a match reports, and the
/// managed PROFANITY word list.
public struct GuardrailLexicon: Sendable {
    /// One phrase of a content filter category and the confidence it reports.
    public struct Entry: Sendable, Equatable {
        public let phrase: String
        public let confidence: GuardrailConfidence
    }

    /// Phrases per content filter type (`HATE`, `PROMPT_ATTACK`, ...).
    public let contentFilters: [String: [Entry]]
    /// The managed PROFANITY list.
    public let profanity: [String]

    /// A lexicon from parts, for tests and the loader.
    public init(contentFilters: [String: [Entry]], profanity: [String]) {
        self.contentFilters = contentFilters
        self.profanity = profanity
    }

    /// The lexicon bundled with the emulator.
    public static let bundled: GuardrailLexicon = {
        guard let url = Bundle.module.url(forResource: "guardrail-lexicons", withExtension: "json"),
            let data = try? Data(contentsOf: url), let lexicon = try? load(data)
        else { fatalError("The bundled guardrail lexicons (guardrail-lexicons.json) cannot be loaded") }
        return lexicon
    }()

    /// Parses a lexicon file.
    public static func load(_ data: Data) throws -> GuardrailLexicon {
        let json = try JSONParser.parse(data)
        var filters: [String: [Entry]] = [:]
        for (type, levels) in json["contentFilters"]?.objectValue ?? [:] {
            for confidence in [GuardrailConfidence.high, .medium, .low] {
                for phrase in levels[confidence.rawValue]?.arrayValue?.compactMap(\.stringValue) ?? [] {
                    filters[type, default: []].append(Entry(phrase: phrase, confidence: confidence))
                }
            }
        }
        return GuardrailLexicon(contentFilters: filters, profanity: json["profanity"]?.arrayValue?.compactMap(\.stringValue) ?? [])
    }
}

/// How sure a content filter is: AWS's `GuardrailContentFilterConfidence`, and, as filter
/// strength, how low a confidence it blocks.
public enum GuardrailConfidence: String, Sendable, Comparable, CaseIterable {
    case none = "NONE", low = "LOW", medium = "MEDIUM", high = "HIGH"

    var rank: Int {
        switch self {
        case .none: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }

    /// Whether a filter of this strength blocks a finding of `confidence`: HIGH strength
    /// blocks LOW and up, MEDIUM blocks MEDIUM and up, LOW only HIGH, NONE nothing.
    public func blocks(_ confidence: GuardrailConfidence) -> Bool {
        rank > 0 && confidence.rank > 0 && confidence.rank >= 4 - rank
    }
}
