import Testing
@testable import FakeModels

@Suite struct TokenizerTests {
    @Test func countsShortWordsAsOneTokenEach() {
        #expect(Tokenizer.count("the cat sat on the mat") == 6)
        #expect(Tokenizer.count("") == 0)
    }

    @Test func longWordsPunctuationAndNumbersCostMore() {
        #expect(Tokenizer.count("internationalization") > 1)
        #expect(Tokenizer.count("Hello, world!") == 4)
        #expect(Tokenizer.count("1234567") == 3)
    }

    @Test func englishProseIsAboutFourCharactersAToken() {
        let prose = """
            Amazon Bedrock is a fully managed service that offers a choice of high-performing foundation models \
            from leading AI companies through a single API, along with a broad set of capabilities you need to \
            build generative AI applications with security, privacy, and responsible AI.
            """
        let tokens = Tokenizer.count(prose)
        let ratio = Double(prose.count) / Double(tokens)
        #expect(ratio > 3.4 && ratio < 5.2, "chars per token \(ratio)")
    }

    @Test func piecesJoinBackToTheText() {
        let text = "Streaming splits this sentence into small pieces, and joined they give it back."
        #expect(Tokenizer.pieces(of: text, tokensPerPiece: 3).joined() == text)
    }

    @Test func prefixFitsTheLimit() {
        let text = "one two three four five six seven eight nine ten"
        let cut = Tokenizer.prefix(of: text, tokens: 4)
        #expect(cut == "one two three four")
        #expect(Tokenizer.count(cut) <= 4)
    }
}
