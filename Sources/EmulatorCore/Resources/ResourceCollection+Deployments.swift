extension ResourceCollection {
    /// On-demand deployments of custom models (`custom-model-deployment/<id>`), made by the
    /// control plane and invoked by the runtime.
    public static func customModelDeployments(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(service: "bedrock", type: "custom-model-deployment", shape: "GetCustomModelDeploymentResponse", environment: environment)
    }
}
