import Foundation

/// Deterministic text embeddings that keep similarity: each word and each of its letter
/// trigrams stands for a fixed pseudo-random direction (seeded by the feature's hash), and a
/// text is the weighted sum of its features' directions. Texts sharing words or word parts
/// point the same way; unrelated texts are close to orthogonal; every value is non-zero, as
/// in a real model's dense vectors.
public enum Embedder {
    /// The embedding of `text`, of `dimensions` values; unit length when `normalize`.
    public static func embed(_ text: String, dimensions: Int, normalize: Bool = true) -> [Double] {
        var vector = [Double](repeating: 0, count: max(1, dimensions))
        var weights: [String: Double] = [:]
        // A constant feature keeps the empty text from being the zero vector.
        weights["\u{0}bias", default: 0] += 0.1
        for word in PromptWords.lowercasedWordList(text) {
            weights["w:" + stem(word), default: 0] += 1.0
            let padded = Array("<" + word + ">")
            if padded.count >= 3 {
                for i in 0...(padded.count - 3) { weights["g:" + String(padded[i..<(i + 3)]), default: 0] += 0.35 }
            }
        }
        // Sorted so the floating-point sums come out the same on every run.
        for (feature, weight) in weights.sorted(by: { $0.key < $1.key }) {
            var random = SeededRandom(text: feature)
            for index in vector.indices {
                // Uniform in [-1, 1): a random projection that keeps cosine similarity.
                vector[index] += weight * (Double(random.next() >> 11) * 0x1p-52 - 1)
            }
        }
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return vector }
        // Unnormalized output still has a fixed, text-dependent scale rather than raw sums.
        let scale = normalize ? 1 / norm : 1 / norm * (1 + Double(vector.count).squareRoot() / 8)
        return vector.map { ($0 * scale * 1e8).rounded() / 1e8 }
    }

    /// An embedding of image bytes: close only for images with the same content.
    public static func embed(image: Data, dimensions: Int) -> [Double] {
        var features: [String] = []
        let bytes = [UInt8](image)
        let step = max(1, bytes.count / 256)
        var i = 0
        while i + 4 <= bytes.count {
            features.append(bytes[i..<(i + 4)].map { String($0, radix: 16) }.joined())
            i += step
        }
        return embed(features.joined(separator: " "), dimensions: dimensions)
    }

    /// Cosine similarity of two vectors of the same length.
    public static func cosine(_ a: [Double], _ b: [Double]) -> Double {
        var dot = 0.0, na = 0.0, nb = 0.0
        for (x, y) in zip(a, b) {
            dot += x * y
            na += x * x
            nb += y * y
        }
        return na == 0 || nb == 0 ? 0 : dot / (na.squareRoot() * nb.squareRoot())
    }

    /// Cosine similarity squashed to (0, 1), as rerank models score: unrelated texts near
    /// zero, close matches near one (eight decimals, so scores print the same everywhere).
    public static func relevance(_ cosine: Double) -> Double {
        let score = 1 / (1 + exp(-12 * (cosine - 0.35)))
        return (score * 1e8).rounded() / 1e8
    }

    /// A light English stemmer so "models" and "model" share their word feature.
    static func stem(_ word: String) -> String {
        for suffix in ["ing", "ed", "es", "s"] where word.count > suffix.count + 2 && word.hasSuffix(suffix) {
            return String(word.dropLast(suffix.count))
        }
        return word
    }
}
