import BedrockAPI
import Testing
@testable import FakeModels

@Suite struct TitanCodecTests {
    typealias M = CodecTestModels
    let text = "amazon.titan-text-express-v1"

    @Test func titanTextAnswersWithResults() throws {
        let answer = try M.invoke(text, ["inputText": "User: Explain how glaciers carve valleys\nBot:"])
        let result = try #require(answer.body["results"]?.arrayValue?.first)
        #expect(result["outputText"]?.stringValue?.contains("glaciers") == true)
        #expect(result["completionReason"] == "FINISH")
        #expect(result["tokenCount"]?.intValue == answer.outputTokens)
        #expect(answer.body["inputTextTokenCount"]?.intValue == answer.inputTokens)
    }

    @Test func titanTextStopsAtMaxTokenCount() throws {
        let body: JSONValue = ["inputText": "Explain how glaciers carve valleys", "textGenerationConfig": ["maxTokenCount": 5, "temperature": 0]]
        let result = try M.invoke(text, body).body["results"]?[0]
        #expect(result?["completionReason"] == "LENGTH")
        #expect((result?["tokenCount"]?.intValue ?? 99) <= 5)
    }

    @Test func titanTextStreamsWithCountsOnFirstAndLastChunks() throws {
        let answer = try M.invoke(text, ["inputText": "Explain how glaciers carve valleys"], streaming: true)
        #expect(answer.body == .null)
        let chunks = answer.chunks
        #expect(chunks.count > 2)
        #expect(chunks.first?["inputTextTokenCount"]?.intValue == answer.inputTokens)
        #expect(chunks.dropFirst().allSatisfy { $0["inputTextTokenCount"] == .null })
        #expect(chunks.dropLast().allSatisfy { $0["completionReason"] == .null && $0["index"] == 0 })
        #expect(chunks.last?["completionReason"] == "FINISH")
        #expect(chunks.last?["totalOutputTextTokenCount"]?.intValue == answer.outputTokens)
        let whole = try M.invoke(text, ["inputText": "Explain how glaciers carve valleys"]).body["results"]?[0]?["outputText"]?.stringValue
        #expect(chunks.compactMap { $0["outputText"]?.stringValue }.joined() == whole)
    }

    @Test func titanTextRefusesMalformedBodies() {
        #expect(M.failure(text, ["prompt": "hi"]) == "Malformed input request: #: 2 schema violations found: #: required key [inputText] not found; #: extraneous key [prompt] is not permitted, please reformat your input and try again.")
        #expect(M.failure(text, ["inputText": "hi", "textGenerationConfig": ["temperature": .double(1.5)]])
            == "Malformed input request: #/textGenerationConfig/temperature: 1.5 is not less or equal to 1, please reformat your input and try again.")
    }

    @Test func titanTextIsDeterministic() throws {
        #expect(try M.isDeterministic(text, ["inputText": "Write about lighthouses"]))
        #expect(try M.isDeterministic(text, ["inputText": "Write about lighthouses"], streaming: true))
    }

    @Test func titanEmbedV1HasFixedSize() throws {
        let answer = try M.invoke("amazon.titan-embed-text-v1", ["inputText": "a quick brown fox"])
        #expect(answer.body["embedding"]?.arrayValue?.count == 1536)
        #expect(answer.body["inputTextTokenCount"]?.intValue == Tokenizer.count("a quick brown fox"))
        #expect(M.failure("amazon.titan-embed-text-v1", ["inputText": "x", "dimensions": 256])
            == "Malformed input request: #: extraneous key [dimensions] is not permitted, please reformat your input and try again.")
    }

    @Test func titanEmbedV2HonoursDimensionsNormalizeAndTypes() throws {
        let v2 = "amazon.titan-embed-text-v2:0"
        #expect(try M.invoke(v2, ["inputText": "hello"]).body["embedding"]?.arrayValue?.count == 1024)
        let answer = try M.invoke(v2, ["inputText": "hello world", "dimensions": 256, "embeddingTypes": ["float", "binary"]])
        let floats = try #require(answer.body["embeddingsByType"]?["float"]?.arrayValue)
        let bits = try #require(answer.body["embeddingsByType"]?["binary"]?.arrayValue)
        #expect(floats.count == 256 && bits.count == 256)
        #expect(bits.allSatisfy { $0 == 0 || $0 == 1 })
        #expect(answer.body["embedding"] == .array(floats))
        let norm = floats.compactMap(\.doubleValue).reduce(0) { $0 + $1 * $1 }.squareRoot()
        #expect(abs(norm - 1) < 1e-6)
        #expect(M.failure(v2, ["inputText": "hello", "dimensions": 300])
            == "Malformed input request: #/dimensions: 300 is not a valid enum value, please reformat your input and try again.")
        #expect(try M.isDeterministic(v2, ["inputText": "hello", "normalize": false]))
    }

    @Test func embeddingModelsRefuseStreaming() {
        #expect(M.failure("amazon.titan-embed-text-v2:0", ["inputText": "hello"], streaming: true)?.contains("doesn't support streaming") == true)
        #expect(M.failure("amazon.titan-embed-image-v1", ["inputText": "hello"], streaming: true)?.contains("doesn't support streaming") == true)
    }

    @Test func titanMultimodalEmbedsTextImageOrBoth() throws {
        let id = "amazon.titan-embed-image-v1"
        let textOnly = try M.invoke(id, ["inputText": "a red bicycle", "embeddingConfig": ["outputEmbeddingLength": 384]])
        #expect(textOnly.body["embedding"]?.arrayValue?.count == 384)
        #expect(textOnly.body["message"] == .null)
        #expect(textOnly.body["inputTextTokenCount"]?.intValue == 3)
        let both = try M.invoke(id, ["inputText": "a red bicycle", "inputImage": .string(M.smallPNG)])
        #expect(both.body["embedding"]?.arrayValue?.count == 1024)
        #expect(M.failure(id, [:]) == "Malformed input request: #: at least one of [inputText, inputImage] is required, please reformat your input and try again.")
        #expect(M.failure(id, ["inputText": "x", "embeddingConfig": ["outputEmbeddingLength": 512]])
            == "Malformed input request: #/embeddingConfig/outputEmbeddingLength: 512 is not a valid enum value, please reformat your input and try again.")
        #expect(try M.isDeterministic(id, ["inputImage": .string(M.smallPNG)]))
    }
}
