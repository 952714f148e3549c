import BedrockAPI
import EmulatorCore
import Testing

@Suite struct ShapeProjectionTests {
    let projection = ShapeProjection(service: APIModel.bundled.service("bedrock")!)

    @Test func configMembersBecomeTheirGetNamesAtEveryDepth() {
        let input: ShapeValue = [
            "name": "g", "blockedInputMessaging": "no", "clientRequestToken": "t",
            "topicPolicyConfig": ["topicsConfig": [["name": "Cars", "definition": "d", "type": "DENY"]], "tierConfig": ["tierName": "CLASSIC"]],
            "wordPolicyConfig": ["managedWordListsConfig": [["type": "PROFANITY"]]],
        ]
        let projected = projection.project(input, from: "CreateGuardrailRequest", to: "GetGuardrailResponse")
        #expect(projected == [
            "name": "g", "blockedInputMessaging": "no",
            "topicPolicy": ["topics": [["name": "Cars", "definition": "d", "type": "DENY"]], "tier": ["tierName": "CLASSIC"]],
            "wordPolicy": ["managedWordLists": [["type": "PROFANITY"]]],
        ])
    }

    @Test func aValueOfTheWrongKindProjectsToNothing() {
        #expect(projection.project("text", from: "GuardrailTopicPolicyConfig", to: "GuardrailTopicPolicy") == nil)
    }
}
