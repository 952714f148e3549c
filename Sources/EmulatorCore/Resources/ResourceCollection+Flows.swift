/// The flow resources `bedrock-agent` builds and `bedrock-agent-runtime` runs, named once so
/// both read the same rows. A flow's DRAFT is the flow row itself (`flow/<id>`); versions are
/// keyed `<flowId>:<version>` (ARN `flow/<id>/version/<n>` in the store, the flow's ARN in
/// their answers, as AWS gives), aliases `<flowId>/<aliasId>` (`flow/<id>/alias/<aliasId>`).
extension ResourceCollection {
    /// Flows' working drafts, stored as the `GetFlowResponse` shape (with `validations`).
    public static func flows(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(service: "bedrock-agent", type: "flow", shape: "GetFlowResponse", environment: environment)
    }

    /// Numbered flow versions, snapshots of a prepared draft, stored as `GetFlowVersionResponse`.
    public static func flowVersions(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(service: "bedrock-agent", type: "flow-version", shape: "GetFlowVersionResponse", environment: environment)
    }

    /// Flow aliases, stored as `GetFlowAliasResponse`.
    public static func flowAliases(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(service: "bedrock-agent", type: "flow-alias", shape: "GetFlowAliasResponse", environment: environment)
    }

    /// Asynchronous flow executions (`flow/<id>/alias/<aliasId>/execution/<executionId>`),
    /// stored as `GetFlowExecutionResponse`.
    public static func flowExecutions(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(service: "bedrock-agent-runtime", type: "flow-execution", shape: "GetFlowExecutionResponse", environment: environment)
    }

    /// The store id of a numbered version of a flow.
    public static func flowVersionID(flowId: String, version: String) -> String {
        "\(flowId):\(version)"
    }

    /// The store id of a flow alias.
    public static func flowAliasID(flowId: String, aliasId: String) -> String {
        "\(flowId)/\(aliasId)"
    }
}
