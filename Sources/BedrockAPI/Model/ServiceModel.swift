/// One of the four Bedrock services: its metadata, operations and shapes.
public struct ServiceModel: Sendable, Decodable {
    public let name: String
    public let apiVersion: String
    public let serviceId: String
    public let signingName: String
    public let endpointPrefix: String
    public let operations: [String: OperationModel]
    public let shapes: [String: Shape]

    /// The shape named `name`; the generator guarantees every reference resolves.
    public func shape(_ name: String) -> Shape {
        guard let shape = shapes[name] else { preconditionFailure("api model has no shape \(name) in \(self.name)") }
        return shape
    }
}
