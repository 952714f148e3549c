import BedrockAPI
import Foundation

/// One thing that happened while a flow ran, in order: what the InvokeFlow traces and a
/// flow execution's events are both made from.
public enum FlowStep: Sendable, Equatable {
    /// A node's inputs, as its expressions picked them.
    case nodeInput(node: String, fields: [Field])
    /// A node's outputs.
    case nodeOutput(node: String, fields: [Field])
    /// The conditions a Condition node found satisfied (the first that held, or `default`).
    case condition(node: String, satisfied: [String])
    /// A call a node made to another service (a model, a knowledge base, a function).
    case action(node: String, Action)
    /// The document an Output node returns.
    case output(node: String, document: ShapeValue)
    /// A node that failed, ending the run.
    case failure(node: String, code: String, message: String)

    /// One named input or output value and its declared type.
    public struct Field: Sendable, Equatable {
        public var name: String
        public var type: String?
        public var content: ShapeValue

        public init(name: String, type: String?, content: ShapeValue) {
            self.name = name
            self.type = type
            self.content = content
        }
    }

    /// The service call behind a node, as the node action trace shows it.
    public struct Action: Sendable, Equatable {
        public var service: String
        public var operation: String
        public var request: ShapeValue
        public var response: ShapeValue

        public init(service: String, operation: String, request: ShapeValue, response: ShapeValue) {
            self.service = service
            self.operation = operation
            self.request = request
            self.response = response
        }
    }

    /// A step and when it happened.
    public struct Timed: Sendable, Equatable {
        public var step: FlowStep
        public var time: Date
    }
}
