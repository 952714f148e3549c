import Foundation
import Testing
@testable import FakeModels

@Suite struct EmbedderTests {
    @Test func sizeAndUnitLength() {
        let vector = Embedder.embed("a quick test", dimensions: 256)
        #expect(vector.count == 256)
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        #expect(abs(norm - 1) < 1e-6)
    }

    @Test func deterministic() {
        #expect(Embedder.embed("same text", dimensions: 1024) == Embedder.embed("same text", dimensions: 1024))
    }

    @Test func sharedWordsScoreHigherThanUnrelatedText() {
        let query = Embedder.embed("How do I reset my password?", dimensions: 1024)
        let related = Embedder.embed("To reset your password, open settings and choose reset password.", dimensions: 1024)
        let unrelated = Embedder.embed("Penguins live in the southern hemisphere and eat fish.", dimensions: 1024)
        let near = Embedder.cosine(query, related)
        let far = Embedder.cosine(query, unrelated)
        #expect(near > far + 0.2, "related \(near) unrelated \(far)")
    }

    @Test func emptyTextIsNotTheZeroVector() {
        #expect(Embedder.embed("", dimensions: 16).contains { $0 != 0 })
    }
}
