import BedrockAPI
import EmulatorCore
import Foundation

/// An agent alias's session summaries (`SESSION_SUMMARY` memory): one per ended session,
/// filed under the caller's memory id, kept `storageDays` from the session's end.
struct AgentMemory: Sendable {
    let environment: EmulatorEnvironment
    let summaries: ResourceCollection

    init(environment: EmulatorEnvironment) {
        self.environment = environment
        summaries = ResourceCollection(service: "bedrock-agent-runtime", type: "agent-memory", shape: "MemorySessionSummary", environment: environment)
    }

    /// The summaries of one agent alias (and memory id, and session, when given), newest
    /// first; those past their expiry are forgotten on the way.
    func list(agentId: String, aliasId: String, memoryId: String?, sessionId: String? = nil, account: AccountContext) async throws -> [StoredResource] {
        let prefix = [agentId, aliasId, memoryId].compactMap { $0 }.joined(separator: "/") + "/"
        let now = environment.clock.now()
        var kept: [StoredResource] = []
        for stored in try await summaries.list(account: account) where stored.id.hasPrefix(prefix) {
            if let expiry = stored.value["sessionExpiryTime"]?.timestampValue, expiry <= now {
                try await summaries.delete(stored)
                continue
            }
            if let sessionId, stored.value["sessionId"]?.stringValue != sessionId { continue }
            kept.append(stored)
        }
        return kept.reversed()
    }

    /// Files the summary of an ended session.
    func remember(_ session: AgentSession, memoryId: String, agentId: String, aliasId: String, policy: AgentMemoryPolicy, account: AccountContext) async throws {
        guard !session.turns.isEmpty else { return }
        let now = environment.clock.now()
        let value: ShapeValue = [
            "memoryId": .string(memoryId), "sessionId": .string(session.sessionId), "sessionStartTime": .timestamp(session.startedAt),
            "sessionExpiryTime": .timestamp(now.addingTimeInterval(Double(policy.storageDays) * 86_400)), "summaryText": .string(Self.summary(of: session)),
        ]
        let key = "\(agentId)/\(aliasId)/\(memoryId)/\(session.sessionId)"
        if let earlier = try await summaries.find(key, account: account) {
            try await summaries.update(earlier, to: value)
        } else {
            _ = try await summaries.insert(value, id: key, arn: account.arn(service: "bedrock", resource: "agent-memory/\(key)").description, account: account)
        }
    }

    /// A deterministic summary: what the user asked in each turn and the first sentence of each answer.
    static func summary(of session: AgentSession) -> String {
        session.turns.map { turn in
            let answer = turn.output.split(separator: ".", maxSplits: 1).first.map { $0 + "." } ?? Substring(turn.output)
            return "The user asked: \"\(turn.input)\" The agent answered: \"\(answer.trimmingCharacters(in: .whitespaces))\""
        }.joined(separator: "\n")
    }
}
