import BedrockAPI
import EmulatorCore
import Foundation
import Testing

@testable import EmulatorServer

/// Model calls need no stored state: an emulator used only for them never opens SQLite.
struct RuntimeStateTests {
    static func call(_ gateway: Gateway, _ path: String, _ body: String) async -> Int {
        let answer = await gateway.handle(HTTPRequestParts(
            method: "POST", rawPath: path, headers: [("Content-Type", "application/json")], body: Data(body.utf8)))
        if let frames = answer.frames { for await _ in frames {} }
        return answer.response.status
    }

    @Test func modelCallsLeaveTheStoreClosed() async throws {
        let environment = try EmulatorEnvironment.inMemory()
        let gateway = Gateway(model: environment.model, registry: EmulatorServer.registry(environment: environment))
        let model = "/model/anthropic.claude-3-haiku-20240307-v1:0"
        let messages = #"{"messages":[{"role":"user","content":[{"text":"Hello there"}]}]}"#
        #expect(await Self.call(gateway, model + "/invoke", #"{"anthropic_version":"bedrock-2023-05-31","max_tokens":50,"messages":[{"role":"user","content":"Hi"}]}"#) == 200)
        #expect(await Self.call(gateway, model + "/converse", messages) == 200)
        #expect(await Self.call(gateway, model + "/converse-stream", messages) == 200)
        #expect(!environment.store.isOpen)
        // The first call that keeps state opens it.
        #expect(await Self.call(gateway, "/guardrails", #"{"name":"g","blockedInputMessaging":"no","blockedOutputsMessaging":"no","wordPolicyConfig":{"wordsConfig":[{"text":"x"}]}}"#) == 202)
        #expect(environment.store.isOpen)
    }
}
