/// One operation of a service: its HTTP binding, its input and output shapes and its errors.
public struct OperationModel: Sendable, Decodable {
    public let method: String
    /// The request URI template, e.g. `/model/{modelId}/invoke` or `/agents/{agentId}/`.
    public let uri: String
    /// The status of a successful answer (200, 201, 202 or 204).
    public let status: Int
    public let input: String?
    public let output: String?
    public let errors: [String]
}
