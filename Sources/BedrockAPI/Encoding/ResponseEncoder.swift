import Foundation

/// Encodes an operation's output value the way its output shape binds it: the status code
/// from the model (or a `statusCode` member), header members, prefixed header maps, a blob,
/// string or structure payload, or else a JSON body of the remaining members.
public struct ResponseEncoder: Sendable {
    public let service: ServiceModel
    let shapes: ShapeEncoder

    public init(service: ServiceModel) {
        self.service = service
        self.shapes = ShapeEncoder(service: service)
    }

    /// The HTTP response for `output` of `operation`. An event-stream payload member is left
    /// out; the caller streams it with `eventMessage`.
    public func encode(_ output: ShapeValue, for operation: OperationModel) -> EncodedResponse {
        var response = EncodedResponse(status: operation.status, headers: [], body: Data())
        guard let outputName = operation.output else { return response }
        let shape = service.shape(outputName)
        let members = output.mapValue ?? [:]
        for (name, member) in (shape.members ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let value = members[name], value != .null else { continue }
            let wireName = member.locationName ?? name
            switch member.location {
            case "header":
                response.headers.append((wireName, headerText(value, shapeName: member.shape)))
            case "headers":
                for (key, item) in (value.mapValue ?? [:]).sorted(by: { $0.key < $1.key }) {
                    response.headers.append((wireName + key, headerText(item, shapeName: service.shape(member.shape).value!)))
                }
            case "statusCode":
                if let code = value.intValue { response.status = code }
            default:
                break
            }
        }
        if let payloadName = shape.payload, let member = shape.members?[payloadName] {
            let payloadShape = service.shape(member.shape)
            if payloadShape.isEventStream {
                response.headers.append(("Content-Type", "application/vnd.amazon.eventstream"))
                return response
            }
            switch members[payloadName] {
            case .blob(let data)?:
                response.body = data
            case .string(let text)? where payloadShape.type != .blob:
                response.body = Data(text.utf8)
            case .string(let text)?:
                response.body = Data(text.utf8)
            case let value? where value != .null:
                response.body = Data(JSONWriter.write(shapes.encode(value, as: member.shape)))
                setDefaultContentType("application/json", on: &response)
            default:
                break
            }
            if payloadShape.type == .blob || payloadShape.type == .string {
                setDefaultContentType(payloadShape.type == .blob ? "application/octet-stream" : "text/plain", on: &response)
            }
            return response
        }
        let hasBodyMembers = shape.members?.values.contains { $0.location == nil } ?? false
        if hasBodyMembers {
            response.body = Data(JSONWriter.write(shapes.encode(output, as: outputName)))
            setDefaultContentType("application/json", on: &response)
        }
        return response
    }

    /// The JSON error response for `error`, with the status the model gives its code.
    public func encodeError(_ error: BedrockError) -> EncodedResponse {
        var status = error.status
        var body: [String: JSONValue] = ["message": .string(error.message)]
        if let shape = service.shapes[error.code], shape.exception == true {
            if !error.keepsStatus, let modeled = shape.error?.httpStatusCode { status = modeled }
            if case .object(let fields) = shapes.encode(.map(error.fields), as: error.code) {
                body.merge(fields) { kept, _ in kept }
            }
        }
        return EncodedResponse(
            status: status,
            headers: [("x-amzn-ErrorType", error.code), ("Content-Type", "application/json")],
            body: Data(JSONWriter.write(.object(body)))
        )
    }

    /// The member and union shape of `operation`'s event-stream output, if it streams.
    public func eventStream(of operation: OperationModel) -> (member: String, union: String)? {
        guard let outputName = operation.output, let shape = service.shapes[outputName],
            let payload = shape.payload, let member = shape.members?[payload],
            service.shape(member.shape).isEventStream
        else { return nil }
        return (payload, member.shape)
    }

    /// The event-stream message of event `name` (a member of `union`) carrying `value`.
    public func eventMessage(_ name: String, _ value: ShapeValue, union: String) -> EventStreamMessage {
        guard let member = service.shape(union).members?[name] else {
            return .error(code: "InternalServerException", message: "The emulator produced an unknown event \(name).")
        }
        let payload = JSONWriter.write(shapes.encode(value, as: member.shape))
        return .event(type: name, payload: payload)
    }

    /// The exception message for `error` inside a stream of `union`: a modeled exception
    /// member when the union has one for the code, else an error message.
    public func exceptionMessage(_ error: BedrockError, union: String) -> EventStreamMessage {
        let members = service.shape(union).members ?? [:]
        guard let (name, member) = members.first(where: { $0.value.shape == error.code }) else {
            return .error(code: error.code, message: error.message)
        }
        var fields = error.fields
        fields["message"] = .string(error.message)
        let payload = JSONWriter.write(shapes.encode(.map(fields), as: member.shape))
        return .exception(type: name, payload: payload)
    }

    func headerText(_ value: ShapeValue, shapeName: String) -> String {
        switch value {
        case .timestamp(let date):
            let format = service.shape(shapeName).timestampFormat ?? "rfc822"
            switch format {
            case "iso8601": return Timestamp.iso8601(date)
            case "unixTimestamp": return ShapeEncoder.epochSeconds(date).jsonText
            default: return Timestamp.httpDate(date)
            }
        case .list(let items):
            return items.map { headerText($0, shapeName: service.shape(shapeName).member ?? shapeName) }.joined(separator: ",")
        case .string(let s): return s
        case .blob(let d): return d.base64EncodedString()
        default: return Validator.plain(value)
        }
    }

    func setDefaultContentType(_ type: String, on response: inout EncodedResponse) {
        if response.header("Content-Type") == nil { response.headers.append(("Content-Type", type)) }
    }
}
