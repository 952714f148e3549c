import BedrockAPI
import FakeModels
import Testing

@testable import AgentRuntime

/// RetrieveAndGenerate's pieces: answers built from passages with exact citation spans, the
/// prompt template's placeholders, the fake rerank model's ordering and the fake text-to-SQL.
struct RetrieveAndGenerateTests {
    static let passages = [
        GroundingPassage(text: "Shipping is free for orders over 50 dollars. Parcels take three to five business days.", reference: ["location": ["type": "S3", "s3Location": ["uri": "s3://kb/shipping.md"]]]),
        GroundingPassage(text: "Our shop opened in 1998. Refunds are issued within 14 days of the return reaching our warehouse.", reference: ["location": ["type": "S3", "s3Location": ["uri": "s3://kb/refunds.txt"]]]),
        GroundingPassage(text: "Every appliance comes with a two year warranty covering parts and labour.", reference: ["location": ["type": "S3", "s3Location": ["uri": "s3://kb/warranty.html"]]]),
    ]

    /// The characters a span covers, `end` inclusive.
    static func covered(_ text: String, _ citation: ShapeValue) -> String {
        let span = citation["generatedResponsePart"]?["textResponsePart"]?["span"]
        let scalars = Array(text.unicodeScalars)
        let start = span?["start"]?.intValue ?? 0, end = span?["end"]?.intValue ?? -1
        return String(String.UnicodeScalarView(scalars[start...end]))
    }

    @Test func answerQuotesThePassageSharingTheQuestionsWordsAndCitesIt() {
        let answer = GroundedAnswer.composing(question: "When are refunds issued?", passages: Self.passages)
        #expect(answer.parts.first?.text == "Refunds are issued within 14 days of the return reaching our warehouse.")
        #expect(answer.parts.first?.sources == [1])
        let citations = answer.citations(Self.passages)
        #expect(citations.first?["retrievedReferences"] == .list([Self.passages[1].reference]))
    }

    @Test func citationSpansIndexTheAnswerTextExactly() {
        let answer = GroundedAnswer.composing(question: "refunds shipping warranty days parts", passages: Self.passages)
        let citations = answer.citations(Self.passages)
        #expect(citations.count == answer.parts.count)
        #expect(citations.count > 1)
        for (citation, part) in zip(citations, answer.parts) {
            #expect(Self.covered(answer.text, citation) == part.text)
            #expect(citation["generatedResponsePart"]?["textResponsePart"]?["text"]?.stringValue == part.text)
        }
    }

    @Test func noPassageHoldingTheQuestionMeansNoAnswerAndNoCitations() {
        let answer = GroundedAnswer.composing(question: "Who painted the Mona Lisa?", passages: Self.passages)
        #expect(answer.text == GroundedAnswer.cannotAnswer)
        #expect(answer.citations(Self.passages).isEmpty)
        #expect(GroundedAnswer.composing(question: "refunds", passages: []).text == GroundedAnswer.cannotAnswer)
    }

    @Test func aScriptedReplyMarkedUpInAnswerPartsCitesTheSourcesItNames() {
        let reply = "<answer><answer_part><text>Parcels arrive within a week.</text><sources><source>1</source></sources></answer_part>"
            + "<answer_part><text>Refunds take two weeks.</text><sources><source>2</source><source>9</source></sources></answer_part></answer>"
        let answer = GroundedAnswer.reading(reply, passages: Self.passages)
        #expect(answer.parts == [.init(text: "Parcels arrive within a week.", sources: [0]), .init(text: "Refunds take two weeks.", sources: [1])])
        #expect(answer.text == "Parcels arrive within a week. Refunds take two weeks.")
        let plain = GroundedAnswer.reading("The warranty covers parts. Thank you!", passages: Self.passages)
        #expect(plain.parts.map(\.sources) == [[2], []])
        #expect(plain.citations(Self.passages).count == 1)
    }

    @Test func maxTokensAndStopSequencesCutTheAnswer() {
        let answer = GroundedAnswer.composing(question: "refunds shipping warranty days parts", passages: Self.passages)
        let short = answer.limited(maxTokens: 5, stopSequences: [])
        #expect(Tokenizer.count(short.text) <= 5)
        #expect(answer.text.hasPrefix(short.text))
        let stopped = answer.limited(maxTokens: nil, stopSequences: ["14"])
        #expect(!stopped.text.contains("14"))
        #expect(answer.text.hasPrefix(stopped.text))
    }

    @Test func promptTemplatePlaceholdersAreFilled() {
        let prompt = GenerationPrompt(
            template: "Question: $query$\nResults: $search_results$\nFormat: $output_format_instructions$", query: "When are refunds issued?",
            passages: Self.passages)
        #expect(prompt.filled.contains("Question: When are refunds issued?"))
        #expect(prompt.filled.contains("<index>2</index>\n<content>\(Self.passages[1].text)</content>"))
        #expect(prompt.filled.contains(GenerationPrompt.outputFormatInstructions))
        #expect(!prompt.filled.contains("$"))
        let fallback = GenerationPrompt(template: nil, query: "q", passages: Self.passages)
        #expect(fallback.filled.contains("<search_results>") && fallback.filled.contains("<answer_part>"))
        let history = [ChatMessage(role: .user, content: [.text("Earlier?")]), ChatMessage(role: .assistant, content: [.text("Yes.")])]
        let chat = prompt.chat(history: history, inference: ["maxTokens": 64, "temperature": 0.2, "stopSequences": ["END"]])
        #expect(chat.system == [prompt.filled])
        #expect(chat.messages.map(\.text) == ["Earlier?", "Yes.", "When are refunds issued?"])
        #expect(chat.maxTokens == 64 && chat.temperature == 0.2 && chat.stopSequences == ["END"])
    }

    @Test func rerankPutsTheDocumentAboutTheQueryFirst() {
        let documents = Self.passages.map(\.text)
        let scores = Reranker.scores(query: "When are refunds issued?", documents: documents)
        #expect(Reranker.order(scores).first == 1)
        #expect(scores.allSatisfy { (0...1).contains($0) })
        #expect(Reranker.scores(query: "When are refunds issued?", documents: documents) == scores)
        #expect(Reranker.order([0.5, 0.9, 0.5]) == [1, 0, 2])
    }

    @Test func textToSQLUsesTheDescribedTables() {
        let writer = SQLQueryWriter(tables: [
            .init(name: "dev.public.customers", columns: ["customer_id", "name", "country"]),
            .init(name: "dev.public.orders", description: "Orders placed", columns: ["order_id", "status", "amount"]),
        ])
        #expect(writer.sql(for: "How many orders have status shipped?") == "SELECT COUNT(*) FROM dev.public.orders WHERE status = 'shipped';")
        #expect(writer.sql(for: "What is the total amount of orders?") == "SELECT SUM(amount) FROM dev.public.orders;")
        #expect(writer.sql(for: "List the top 5 customers in country France") == "SELECT country FROM dev.public.customers WHERE country = 'France' LIMIT 5;")
        let curated = SQLQueryWriter(tables: [], curated: [("How many customers are there?", "SELECT COUNT(*) FROM c;")])
        #expect(curated.sql(for: "how many customers are there") == "SELECT COUNT(*) FROM c;")
    }

    @Test func compoundQuestionsDecomposeIntoTheirParts() {
        #expect(KnowledgeBaseGeneration.subQuestions("What is the refund policy and how long does shipping take?") == ["What is the refund policy", "how long does shipping take"])
        #expect(KnowledgeBaseGeneration.subQuestions("What is the refund policy?") == ["What is the refund policy?"])
    }
}
