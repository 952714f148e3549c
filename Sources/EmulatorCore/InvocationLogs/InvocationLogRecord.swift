import BedrockAPI
import Foundation

/// One runtime call as model invocation logging records it (Bedrock's `ModelInvocationLog`
/// schema 1.0), before it is shaped for a destination.
public struct InvocationLogRecord: Sendable {
    /// Which of the configuration's data types a call carries.
    public enum DataType: String, Sendable {
        case text, image, embedding
    }

    public var operation: String
    /// The model id as the caller gave it (a profile or provisioned ARN stays as given).
    public var modelId: String
    public var inputBody: JSONValue
    public var inputTokens: Int
    public var outputBody: JSONValue
    public var outputTokens: Int

    public init(
        operation: String, modelId: String, inputBody: JSONValue, inputTokens: Int, outputBody: JSONValue,
        outputTokens: Int
    ) {
        self.operation = operation
        self.modelId = modelId
        self.inputBody = inputBody
        self.inputTokens = inputTokens
        self.outputBody = outputBody
        self.outputTokens = outputTokens
    }

    /// The record as Bedrock writes it.
    func json(context: RequestContext, time: Date) -> JSONValue {
        let account = context.account
        return [
            "schemaType": "ModelInvocationLog", "schemaVersion": "1.0",
            "timestamp": .string(Timestamp.iso8601(time)), "accountId": .string(account.accountId),
            "identity": ["arn": .string("arn:\(account.partition):iam::\(account.accountId):root")],
            "region": .string(account.region), "requestId": .string(context.requestId),
            "operation": .string(operation), "modelId": .string(modelId),
            "input": [
                "inputContentType": "application/json", "inputBodyJson": inputBody, "inputTokenCount": .integer(Int64(inputTokens)),
            ],
            "output": [
                "outputContentType": "application/json", "outputBodyJson": outputBody, "outputTokenCount": .integer(Int64(outputTokens)),
            ],
        ]
    }
}
