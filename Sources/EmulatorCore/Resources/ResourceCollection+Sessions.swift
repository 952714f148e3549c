import BedrockAPI

/// The agent-runtime session resources, named once: sessions, the invocations in them and
/// the invocation steps of those, so deleting a session can find everything it holds.
extension ResourceCollection {
    /// Sessions (`session/<id>`), each a GetSession answer.
    public static func sessions(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(service: "bedrock-agent-runtime", type: "session", shape: "GetSessionResponse", environment: environment)
    }

    /// Invocations, each an `InvocationSummary`, stored under `session/<id>/invocation/<id>`.
    public static func sessionInvocations(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(service: "bedrock-agent-runtime", type: "session-invocation", shape: "InvocationSummary", environment: environment)
    }

    /// Invocation steps, each an `InvocationStep`, stored under `session/<id>/invocation-step/<id>`.
    public static func invocationSteps(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(service: "bedrock-agent-runtime", type: "session-invocation-step", shape: "InvocationStep", environment: environment)
    }
}
