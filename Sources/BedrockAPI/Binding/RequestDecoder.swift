import Foundation

/// Binds an HTTP request to an operation's input shape: URI labels, query string, headers,
/// prefixed header maps, the payload member or the JSON body. The result is the input as
/// one `ShapeValue` map, validated against every constraint of the model.
public struct RequestDecoder: Sendable {
    public let service: ServiceModel
    let shapes: ShapeDecoder
    let validator: Validator

    public init(service: ServiceModel) {
        self.service = service
        self.shapes = ShapeDecoder(service: service)
        self.validator = Validator(service: service)
    }

    /// The validated input of `operation` carried by `request`, whose path bound `labels`.
    public func decode(_ operation: OperationModel, labels: [String: String], request: HTTPRequestParts) throws(BedrockError) -> ShapeValue {
        guard let inputName = operation.input else { return .map([:]) }
        let input = service.shape(inputName)
        var members: [String: ShapeValue] = [:]
        var boundQueryNames: Set<String> = []
        for (name, member) in input.members ?? [:] {
            let wireName = member.locationName ?? name
            switch member.location {
            case "uri":
                if let text = labels[wireName] { members[name] = try scalar(text, as: member.shape, path: name) }
            case "querystring":
                let shape = service.shape(member.shape)
                if shape.type == .map { continue }
                boundQueryNames.insert(wireName)
                let values = request.query.filter { $0.name == wireName }.map(\.value)
                guard !values.isEmpty else { continue }
                if shape.type == .list {
                    members[name] = .list(try values.map { v throws(BedrockError) in try scalar(v, as: shape.member!, path: name) })
                } else {
                    members[name] = try scalar(values[0], as: member.shape, path: name)
                }
            case "header":
                guard let text = request.header(wireName) else { continue }
                let shape = service.shape(member.shape)
                if shape.type == .list {
                    let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    members[name] = .list(try items.map { v throws(BedrockError) in try scalar(v, as: shape.member!, path: name) })
                } else {
                    members[name] = try scalar(text, as: member.shape, path: name)
                }
            case "headers":
                let prefix = wireName.lowercased()
                var map: [String: ShapeValue] = [:]
                for header in request.headers where header.name.lowercased().hasPrefix(prefix) {
                    map[String(header.name.dropFirst(prefix.count))] = .string(header.value)
                }
                if !map.isEmpty { members[name] = .map(map) }
            default:
                break
            }
        }
        // A query-string map takes every parameter no other member bound.
        for (name, member) in input.members ?? [:] where member.location == "querystring" && service.shape(member.shape).type == .map {
            var map: [String: ShapeValue] = [:]
            for item in request.query where !boundQueryNames.contains(item.name) { map[item.name] = .string(item.value) }
            if !map.isEmpty { members[name] = .map(map) }
        }
        try bindBody(input, request: request, into: &members)
        let value = ShapeValue.map(members)
        try validator.validate(value, as: inputName)
        return value
    }

    func bindBody(_ input: Shape, request: HTTPRequestParts, into members: inout [String: ShapeValue]) throws(BedrockError) {
        if let payloadName = input.payload, let member = input.members?[payloadName] {
            let shape = service.shape(member.shape)
            guard !request.body.isEmpty else { return }
            switch shape.type {
            case .blob:
                members[payloadName] = .blob(request.body)
            case .string:
                guard let text = String(data: request.body, encoding: .utf8) else { throw Self.malformed("the body is not valid UTF-8") }
                members[payloadName] = .string(text)
            default:
                if shape.isEventStream { return }
                try checkJSONContentType(request)
                members[payloadName] = try shapes.decode(try Self.parseJSON(request.body), as: member.shape, path: payloadName)
            }
            return
        }
        let bodyMembers = (input.members ?? [:]).filter { $0.value.location == nil }
        guard !bodyMembers.isEmpty, !request.body.isEmpty else { return }
        try checkJSONContentType(request)
        let json = try Self.parseJSON(request.body)
        guard case .object(let object) = json else { throw Self.malformed("the body must be a JSON object, not \(json.typeName)") }
        members.merge(try shapes.decodeMembers(object, of: input, path: "")) { bound, _ in bound }
    }

    func checkJSONContentType(_ request: HTTPRequestParts) throws(BedrockError) {
        guard let type = request.header("Content-Type")?.lowercased(), !type.isEmpty else { return }
        guard type.utf8.firstRange(of: "json".utf8) != nil else {
            throw .validation("Unsupported Content-Type '\(type)': this operation takes a JSON body; send Content-Type: application/json.")
        }
    }

    /// A label, query or header value typed by its shape.
    func scalar(_ text: String, as shapeName: String, path: String) throws(BedrockError) -> ShapeValue {
        let shape = service.shape(shapeName)
        func wrong(_ expected: String) -> BedrockError {
            .validation("1 validation error detected: Value '\(text)' at '\(path)' failed to satisfy constraint: Member must be \(expected)")
        }
        switch shape.type {
        case .integer, .long:
            guard let i = Int64(text) else { throw wrong("an integer") }
            return .integer(i)
        case .float, .double:
            guard let d = Double(text) else { throw wrong("a number") }
            return .double(d)
        case .boolean:
            guard text == "true" || text == "false" else { throw wrong("true or false") }
            return .bool(text == "true")
        case .timestamp:
            guard let date = Timestamp.parse(text) else { throw wrong("a timestamp") }
            return .timestamp(date)
        case .blob:
            return .blob(Data(base64Encoded: text) ?? Data(text.utf8))
        default:
            return .string(text)
        }
    }

    static func parseJSON(_ body: Data) throws(BedrockError) -> JSONValue {
        do {
            return try JSONParser.parse(body)
        } catch {
            throw malformed("\(error.reason) at byte \(error.offset)")
        }
    }

    static func malformed(_ reason: String) -> BedrockError {
        .validation("The request body is not valid JSON: \(reason).")
    }
}
