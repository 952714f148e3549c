/// Prompt routers, named once so the control plane that makes them and the runtime that
/// invokes through them read the same rows.
extension ResourceCollection {
    /// Custom prompt routers, stored as GetPromptRouter answers them.
    public static func promptRouters(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(service: "bedrock", type: "default-prompt-router", shape: "GetPromptRouterResponse", environment: environment)
    }
}
