import BedrockAPI
import Testing

@testable import EmulatorCore

@Suite struct OpenAPIOperationsTests {
    static let orders = """
        openapi: 3.0.0
        info: {title: Orders, version: "1"}
        paths:
          /orders/{orderId}:
            parameters:
              - {name: orderId, in: path, schema: {type: string}, description: The order}
            get:
              operationId: getOrder
              description: Looks up an order.
              parameters:
                - {name: verbose, in: query, schema: {type: boolean}}
            post:
              summary: Changes an order.
              requestBody:
                content:
                  application/json:
                    schema: {$ref: "#/components/schemas/Change"}
        components:
          schemas:
            Change:
              type: object
              required: [quantity]
              properties:
                quantity: {type: integer}
                note: {type: string}
        """

    @Test func listsEachPathAndMethodWithItsInputs() throws {
        let operations = OpenAPIDocument.operations(in: Self.orders)
        #expect(operations.map { "\($0.method) \($0.path)" } == ["GET /orders/{orderId}", "POST /orders/{orderId}"])
        let get = try #require(operations.first)
        #expect(get.operationId == "getOrder")
        #expect(get.description == "Looks up an order.")
        #expect(get.parameters.map(\.name) == ["orderId", "verbose"])
        #expect(get.parameters.map(\.location) == ["path", "query"])
        #expect(get.parameters.map(\.required) == [true, false])
        #expect(get.bodyContentType == nil)
    }

    @Test func readsTheRequestBodyThroughItsReference() throws {
        let post = try #require(OpenAPIDocument.operations(in: Self.orders).last)
        #expect(post.description == "Changes an order.")
        #expect(post.bodyContentType == "application/json")
        #expect(post.parameters.filter { $0.location == "body" }.map(\.name) == ["note", "quantity"])
        let schema = post.inputSchema
        #expect(schema["properties"]?["quantity"]?["type"] == "integer")
        #expect(schema["required"] == ["orderId", "quantity"])
    }

    @Test func aDocumentThatIsNotUsableHasNoOperations() {
        #expect(OpenAPIDocument.operations(in: #"{"openapi": "2.0", "paths": {"/a": {"get": {}}}}"#).isEmpty)
        #expect(OpenAPIDocument.operations(in: #"{"openapi": "3.0.0", "paths": {"/a": {"get": {"operationId": "a"}}}}"#).map(\.operationId) == ["a"])
    }
}
