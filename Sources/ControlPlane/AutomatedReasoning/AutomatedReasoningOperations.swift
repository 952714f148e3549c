import BedrockAPI
import EmulatorCore

/// Automated Reasoning policies for Guardrails: policies with a DRAFT and numbered versions,
/// test cases, build workflows that derive a definition from a source document on the clock,
/// and test workflows that check each test case against the policy's rules.
public enum AutomatedReasoningOperations {
    static let service = AutomatedReasoningStore.service

    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        let store = AutomatedReasoningStore(environment: environment)
        registerPolicies(into: &registry, store: store)
        registerVersions(into: &registry, store: store)
        registerTestCases(into: &registry, store: store)
        let builds = registerBuildWorkflows(into: &registry, store: store)
        registerTestWorkflows(into: &registry, store: store, builds: builds)
    }
}
