import Testing

@testable import BedrockAPI

struct RouterTests {
    static let model = APIModel.bundled
    static let router = Router(model: model)

    /// Every operation's own template, filled in with sample label values, routes back to it.
    @Test(arguments: model.operationKeys)
    func everyTemplateResolvesToItsOperation(key: OperationKey) throws {
        let operation = try #require(Self.model.service(key.service)?.operations[key.operation])
        let template = RouteTemplate(operation.uri)
        var path = ""
        for segment in template.segments {
            switch segment {
            case .literal(let text): path += "/" + text
            case .label: path += "/sample-123"
            case .greedy: path += "/sample/123"
            }
        }
        if path.isEmpty || template.trailingSlash { path += "/" }
        let query = template.query.map { ($0.name, $0.value ?? "") }
        let candidates = Self.router.candidates(method: operation.method, path: path, query: query).map(\.key)
        #expect(candidates.contains(key), "\(key) at \(path) routes to \(candidates)")
        // Only the agent services' /tags/{resourceArn} is shared; the gateway picks by input.
        if !path.hasPrefix("/tags/") {
            #expect(candidates == [key])
        }
    }

    @Test func trailingSlashIsSignificant() throws {
        #expect(Self.router.match(method: "POST", path: "/agents/AGENT12345/")?.key == OperationKey(service: "bedrock-agent", operation: "PrepareAgent"))
        #expect(Self.router.match(method: "POST", path: "/agents/SESSION123")?.key == OperationKey(service: "bedrock-agent-runtime", operation: "InvokeInlineAgent"))
    }

    @Test func literalSegmentsBeatLabels() throws {
        #expect(Self.router.match(method: "GET", path: "/custom-models")?.key.operation == "ListCustomModels")
        let match = try #require(Self.router.match(method: "POST", path: "/model-customization-jobs"))
        #expect(match.key.operation == "CreateModelCustomizationJob")
    }

    @Test(arguments: [
        "/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse",
        "/model/anthropic.claude-3-haiku-20240307-v1:0/converse",
    ])
    func labelsArePercentDecoded(path: String) throws {
        let match = try #require(Self.router.match(method: "POST", path: path))
        #expect(match.key.operation == "Converse")
        #expect(match.labels["modelId"] == "anthropic.claude-3-haiku-20240307-v1:0")
    }

    @Test func encodedSlashesStayInsideOneLabel() throws {
        let arn = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0"
        let encoded = arn.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let match = try #require(Self.router.match(method: "POST", path: "/model/\(encoded)/invoke"))
        #expect(match.key.operation == "InvokeModel")
        #expect(match.labels["modelId"] == arn)
    }

    @Test func unknownPathsAndMethodsDoNotRoute() {
        #expect(Self.router.match(method: "GET", path: "/no-such-thing") == nil)
        #expect(Self.router.match(method: "PATCH", path: "/foundation-models") == nil)
    }
}

import Foundation
