import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation

/// Sessions are kept as free-form documents in the store, keyed by the agent's session
/// scope and the session id.
extension AgentSession {
    /// Where sessions live: `bedrock-agent-runtime` documents of type `agent-session`.
    static func collection(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(service: "bedrock-agent-runtime", type: "agent-session", shape: "Document", environment: environment)
    }

    /// The stored session, or nil when there is none.
    static func load(scope: String, sessionId: String, account: AccountContext, environment: EmulatorEnvironment) async throws -> (AgentSession, StoredResource)? {
        guard let stored = try await collection(environment).find(key(scope: scope, sessionId: sessionId), account: account) else { return nil }
        return (AgentSession(document: ShapeEncoder.document(stored.value), sessionId: sessionId), stored)
    }

    /// Saves the session (replacing `stored`, when it was loaded).
    func save(scope: String, account: AccountContext, replacing stored: StoredResource?, environment: EmulatorEnvironment) async throws {
        let value = ShapeDecoder.document(document)
        if let stored {
            try await Self.collection(environment).update(stored, to: value)
        } else {
            let key = Self.key(scope: scope, sessionId: sessionId)
            _ = try await Self.collection(environment).insert(
                value, id: key, arn: account.arn(service: "bedrock", resource: "agent-session/\(key)").description, account: account)
        }
    }

    static func key(scope: String, sessionId: String) -> String { "\(scope)/\(sessionId)" }

    /// The session as a JSON document.
    var document: JSONValue {
        var value: [String: JSONValue] = [
            "sessionAttributes": .object(sessionAttributes.mapValues(ShapeEncoder.document)),
            "promptSessionAttributes": .object(promptSessionAttributes.mapValues(ShapeEncoder.document)),
            "messages": .array(messages.map(Self.json)),
            "turns": .array(turns.map { ["input": .string($0.input), "output": .string($0.output)] }),
            "startedAt": .double(startedAt.timeIntervalSince1970), "lastActiveAt": .double(lastActiveAt.timeIntervalSince1970),
        ]
        value["memoryId"] = memoryId.map(JSONValue.string)
        if let pending {
            value["pending"] = [
                "invocationId": .string(pending.invocationId), "messages": .array(pending.messages.map(Self.json)),
                "calls": .array(pending.calls.map { ["toolUseId": .string($0.toolUseId), "tool": .string($0.tool), "input": $0.input] }),
                "answered": .array(pending.answered.compactMap(Self.json)), "inputText": .string(pending.inputText),
            ]
        }
        return .object(value)
    }

    init(document: JSONValue, sessionId: String) {
        self.init(sessionId: sessionId, now: Date(timeIntervalSince1970: document["startedAt"]?.doubleValue ?? 0))
        lastActiveAt = Date(timeIntervalSince1970: document["lastActiveAt"]?.doubleValue ?? 0)
        sessionAttributes = (document["sessionAttributes"]?.objectValue ?? [:]).mapValues(ShapeDecoder.document)
        promptSessionAttributes = (document["promptSessionAttributes"]?.objectValue ?? [:]).mapValues(ShapeDecoder.document)
        messages = (document["messages"]?.arrayValue ?? []).compactMap(Self.message)
        turns = (document["turns"]?.arrayValue ?? []).map { turn -> (input: String, output: String) in
            (turn["input"]?.stringValue ?? "", turn["output"]?.stringValue ?? "")
        }
        memoryId = document["memoryId"]?.stringValue
        if let pending = document["pending"] {
            self.pending = Pending(
                invocationId: pending["invocationId"]?.stringValue ?? "", messages: (pending["messages"]?.arrayValue ?? []).compactMap(Self.message),
                calls: (pending["calls"]?.arrayValue ?? []).map { call -> (toolUseId: String, tool: String, input: JSONValue) in
                    (call["toolUseId"]?.stringValue ?? "", call["tool"]?.stringValue ?? "", call["input"] ?? .null)
                },
                answered: (pending["answered"]?.arrayValue ?? []).compactMap(Self.content), inputText: pending["inputText"]?.stringValue ?? "")
        }
    }

    static func json(_ message: ChatMessage) -> JSONValue {
        ["role": .string(message.role.rawValue), "content": .array(message.content.compactMap(json))]
    }

    /// The content blocks an agent's conversation holds: text, tool calls and their results.
    static func json(_ content: ChatContent) -> JSONValue? {
        switch content {
        case .text(let text): ["text": .string(text)]
        case .toolUse(let id, let name, let input): ["toolUse": ["id": .string(id), "name": .string(name), "input": input]]
        case .toolResult(let id, let blocks, let isError):
            ["toolResult": ["id": .string(id), "text": .string(ChatMessage(role: .user, content: blocks).text), "isError": .bool(isError)]]
        default: nil
        }
    }

    static func message(_ json: JSONValue) -> ChatMessage? {
        guard let role = json["role"]?.stringValue.flatMap(ChatMessage.Role.init(rawValue:)) else { return nil }
        return ChatMessage(role: role, content: (json["content"]?.arrayValue ?? []).compactMap(content))
    }

    static func content(_ json: JSONValue) -> ChatContent? {
        if let text = json["text"]?.stringValue { return .text(text) }
        if let use = json["toolUse"] {
            return .toolUse(id: use["id"]?.stringValue ?? "", name: use["name"]?.stringValue ?? "", input: use["input"] ?? .object([:]))
        }
        if let result = json["toolResult"] {
            return .toolResult(id: result["id"]?.stringValue ?? "", content: [.text(result["text"]?.stringValue ?? "")], isError: result["isError"]?.boolValue ?? false)
        }
        return nil
    }
}
