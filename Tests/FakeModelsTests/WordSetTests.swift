import Testing
@testable import FakeModels

@Suite struct WordSetTests {
    @Test func agreesWithTheStandardSetWhileGrowing() {
        var words = WordSet()
        var reference: Set<String> = []
        var random = SeededRandom(seed: 7)
        for _ in 0..<2000 {
            let word = random.alphanumeric(1 + random.below(4))
            let inserted = words.insert(word)
            #expect(inserted == reference.insert(word).inserted)
        }
        #expect(words.count == reference.count)
        for word in reference { #expect(words.contains(word)) }
        #expect(!words.contains("not-in-it"))
        #expect(!words.contains(""))
    }

    @Test func holdsNonASCIIAndEmptyWords() {
        var words = WordSet(["café", "naïve", ""])
        #expect(words.contains("café") && words.contains("naïve") && words.contains(""))
        #expect(!words.contains("cafe"))
        let insertedAgain = words.insert("café")
        #expect(!insertedAgain)
        #expect(words.count == 3)
    }

    @Test func stopwordsAreFound() {
        #expect(PromptWords.stopwords.contains("the") && PromptWords.stopwords.contains("summarize"))
        #expect(!PromptWords.stopwords.contains("paris"))
    }
}
