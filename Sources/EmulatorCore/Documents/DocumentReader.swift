import BedrockAPI
import Foundation

/// Turns a source document's bytes into the text a knowledge base indexes, by its file
/// type; anything else is a failure with the reason AWS would give. Ingestion and
/// RetrieveAndGenerate's external sources both read documents with it.
public enum DocumentReader {
    /// The file types a knowledge base reads.
    public static let formats = ["txt", "md", "markdown", "html", "htm", "csv", "json"]

    /// The document's text, or why it can't be indexed.
    public static func text(of data: Data, name: String, mimeType: String? = nil) -> Result<String, DocumentFailure> {
        let format = mimeType.map(Self.format(mimeType:)) ?? String(name.split(separator: ".").last ?? "").lowercased()
        guard formats.contains(format) else {
            return .failure(DocumentFailure("The file format of \(name) is not supported. Supported formats: .txt, .md, .html, .csv, .json."))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(DocumentFailure("The document \(name) could not be read: it is not UTF-8 text."))
        }
        return .success(format == "html" || format == "htm" ? stripTags(text) : text)
    }

    static func format(mimeType: String) -> String {
        switch mimeType.lowercased().split(separator: ";").first.map(String.init) ?? "" {
        case "text/html": "html"
        case "text/markdown": "md"
        case "text/csv": "csv"
        case "application/json": "json"
        case "text/plain": "txt"
        default: "unsupported"
        }
    }

    /// The text of an HTML page: tags, scripts and styles removed, entities decoded, spaces collapsed.
    static func stripTags(_ html: String) -> String {
        var text = html
        for element in ["script", "style"] {
            text = text.replacingOccurrences(of: "<\(element)[^>]*>[\\s\\S]*?</\(element)>", with: " ", options: [.regularExpression, .caseInsensitive])
        }
        text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        for (entity, character) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.replacingOccurrences(of: "[ \\t]+", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "\\s*\\n\\s*", with: "\n", options: .regularExpression)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Why a document could not be indexed.
public struct DocumentFailure: Error, Sendable {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
}
