import Foundation
import Testing

@testable import BedrockAPI

/// The compact `Shape` (traits in flags, rare fields boxed, names interned) reads back
/// every field of the bundled JSON as it is written there.
struct APIModelDecodingTests {
    static let model = APIModel.bundled

    static func rawServices() throws -> [[String: Any]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/BedrockAPI/Resources/api-model.json").standardized
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        return try #require(root["services"] as? [[String: Any]])
    }

    @Test func everyShapeAndMemberReadsBackAsWritten() throws {
        var shapes = 0
        var members = 0
        for raw in try Self.rawServices() {
            let name = try #require(raw["name"] as? String)
            let service = try #require(Self.model.service(name))
            let rawShapes = try #require(raw["shapes"] as? [String: [String: Any]])
            #expect(service.shapes.count == rawShapes.count)
            for (shapeName, json) in rawShapes {
                let shape = try #require(service.shapes[shapeName])
                shapes += 1
                #expect(shape.type.rawValue == json["type"] as? String)
                #expect(shape.required == json["required"] as? [String])
                #expect(shape.enum == json["enum"] as? [String])
                #expect(shape.member == json["member"] as? String)
                #expect(shape.key == json["key"] as? String)
                #expect(shape.value == json["value"] as? String)
                #expect(shape.payload == json["payload"] as? String)
                #expect(shape.pattern == json["pattern"] as? String)
                #expect(shape.timestampFormat == json["timestampFormat"] as? String)
                #expect(shape.min == (json["min"] as? NSNumber)?.doubleValue)
                #expect(shape.max == (json["max"] as? NSNumber)?.doubleValue)
                #expect(shape.union == json["union"] as? Bool)
                #expect(shape.eventstream == json["eventstream"] as? Bool)
                #expect(shape.event == json["event"] as? Bool)
                #expect(shape.exception == json["exception"] as? Bool)
                #expect(shape.fault == json["fault"] as? Bool)
                #expect(shape.document == json["document"] as? Bool)
                #expect(shape.sensitive == json["sensitive"] as? Bool)
                let error = json["error"] as? [String: Any]
                #expect(shape.error?.httpStatusCode == error?["httpStatusCode"] as? Int)
                #expect(shape.error?.senderFault == error?["senderFault"] as? Bool)
                let rawMembers = json["members"] as? [String: [String: Any]]
                #expect(shape.members?.count == rawMembers?.count)
                for (memberName, memberJSON) in rawMembers ?? [:] {
                    let member = try #require(shape.members?[memberName])
                    members += 1
                    #expect(member.shape == memberJSON["shape"] as? String)
                    #expect(member.location == memberJSON["location"] as? String)
                    #expect(member.locationName == memberJSON["locationName"] as? String)
                    #expect(member.idempotencyToken == memberJSON["idempotencyToken"] as? Bool)
                    #expect(member.jsonvalue == memberJSON["jsonvalue"] as? Bool)
                    #expect(member.eventpayload == memberJSON["eventpayload"] as? Bool)
                    #expect(member.eventheader == memberJSON["eventheader"] as? Bool)
                }
            }
        }
        // The whole model was compared, not an empty corner of it.
        #expect(shapes > 2000)
        #expect(members > 4000)
    }

    @Test func operationsReadBackAsWritten() throws {
        for raw in try Self.rawServices() {
            let name = try #require(raw["name"] as? String)
            let service = try #require(Self.model.service(name))
            let rawOperations = try #require(raw["operations"] as? [String: [String: Any]])
            #expect(service.operations.count == rawOperations.count)
            for (name, json) in rawOperations {
                let operation = try #require(service.operations[name])
                #expect(operation.method == json["method"] as? String)
                #expect(operation.uri == json["uri"] as? String)
                #expect(operation.status == json["status"] as? Int)
                #expect(operation.input == json["input"] as? String)
                #expect(operation.output == json["output"] as? String)
                #expect(operation.errors == json["errors"] as? [String])
            }
        }
    }

    /// Without the name table (a decoder that sets none) the model still decodes.
    @Test func decodesWithoutTheNameTable() throws {
        let json = Data(#"{"type": "structure", "members": {"a": {"shape": "S", "location": "uri", "locationName": "id"}}, "required": ["a"], "min": 1, "sensitive": true}"#.utf8)
        let shape = try JSONDecoder().decode(Shape.self, from: json)
        #expect(shape.members?["a"]?.locationName == "id")
        #expect(shape.min == 1 && shape.max == nil && shape.sensitive == true && shape.union == nil)
    }
}
