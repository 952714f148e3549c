import BedrockAPI
import Testing
@testable import EmulatorCore

@Suite struct ScenarioLambdasTests {
    func engine(_ text: String) throws -> ScenarioEngine {
        ScenarioEngine(try Scenario.parse(text, source: "test.yaml", model: .bundled))
    }

    func refusal(_ text: String) -> String {
        do {
            _ = try Scenario.parse(text, source: "test.yaml", model: .bundled)
            return "accepted"
        } catch {
            return error.description
        }
    }

    @Test func readsEntriesWithTheirConditionsAndReplies() throws {
        let scenario = try Scenario.parse("""
            lambdas:
              - {lambda: "order-*", function: get_order, response: {status: shipped}}
              - {api_path: "/orders/{orderId}", http_method: get, response: "Order found."}
              - {lambda: "arn:aws:lambda:*:function:payments", error: "The payment service is down."}
            """, source: "test.yaml", model: .bundled)
        #expect(scenario.lambdas.count == 3)
        #expect(scenario.lambdas[0].lambdas == [Glob("order-*")])
        #expect(scenario.lambdas[0].reply == .body(["status": "shipped"]))
        #expect(scenario.lambdas[1].httpMethods == [Glob("GET")])
        #expect(scenario.lambdas[1].reply == .body("Order found."))
        #expect(scenario.lambdas[2].reply == .failed("The payment service is down."))
    }

    @Test func refusesAnEntryWithoutExactlyOneOutcome() {
        #expect(refusal("lambdas:\n  - {lambda: x}\n").contains("give `response` (what the function returns) or `error`"))
        #expect(refusal("lambdas:\n  - {lambda: x, response: 1, error: no}\n").contains("give `response` or `error`, not both"))
        #expect(refusal("lambdas:\n  - {lamda: x, response: 1}\n").contains("unknown key `lamda`"))
    }

    @Test func matchesTheFunctionByArnOrNameAndTheActionAsked() throws {
        let scenario = try engine("""
            lambdas:
              - {lambda: "order-*", function: get_order, response: {status: shipped, id: "{{orderId}}"}}
              - {lambda: order-service, api_path: "/orders/*", http_method: POST, response: created}
              - {lambda: "arn:aws:lambda:*:function:payments", error: down}
            """)
        let arn = "arn:aws:lambda:us-east-1:123456789012:function:order-service:$LATEST"
        #expect(LambdaCall(functionArn: arn).functionName == "order-service")
        let lookup = LambdaCall(functionArn: arn, function: "get_order", parameters: ["orderId": "A-1042"])
        #expect(scenario.lambdaResult(lookup) == .body(["status": "shipped", "id": "A-1042"]))
        let create = LambdaCall(functionArn: arn, apiPath: "/orders/new", httpMethod: "post", parameters: [:])
        #expect(scenario.lambdaResult(create) == .body("created"))
        #expect(scenario.lambdaResult(LambdaCall(functionArn: "arn:aws:lambda:eu-west-1:1:function:payments")) == .failed("down"))
    }

    @Test func placeholdersTakeParametersBeforeSessionAttributes() throws {
        let scenario = try engine("lambdas:\n  - {response: \"{{city}} for {{customer}}, {{unknown}}\"}\n")
        let call = LambdaCall(functionArn: "f", parameters: ["city": "Oslo", "customer": "param"], sessionAttributes: ["customer": "C-77", "city": "x"])
        #expect(scenario.lambdaResult(call) == .body("Oslo for param, {{unknown}}"))
        let attributes = LambdaCall(functionArn: "f", parameters: ["city": "Oslo"], sessionAttributes: ["customer": "C-77"])
        #expect(scenario.lambdaResult(attributes) == .body("Oslo for C-77, {{unknown}}"))
    }

    @Test func echoesTheCallWhenNoEntryMatches() throws {
        let scenario = try engine("lambdas:\n  - {lambda: other, response: x}\n")
        let call = LambdaCall(functionArn: "weather", function: "get_weather", parameters: ["city": "Paris", "days": 3])
        let reply = scenario.lambdaResult(call)
        #expect(reply == .body(["function": "get_weather", "parameters": ["city": "Paris", "days": 3]]))
        #expect(reply.text == #"{"function":"get_weather","parameters":{"city":"Paris","days":3}}"#)
    }
}
