import AgentRuntime
import Agents
import BedrockAPI
import ControlPlane
import EmulatorCore
import Foundation
import Hummingbird
import Logging
import NIOCore
import Runtime

/// The emulator's HTTP listener: one port serving all four Bedrock APIs and the admin API.
public struct EmulatorServer: Sendable {
    public let configuration: EmulatorConfiguration
    public let environment: EmulatorEnvironment
    let gateway: Gateway
    let admin: AdminAPI

    /// Serves `environment` with the handlers in `registry`.
    public init(configuration: EmulatorConfiguration, environment: EmulatorEnvironment, registry: OperationRegistry) {
        self.configuration = configuration
        self.environment = environment
        var logger = Logger(label: "bedrock-emulator")
        logger.logLevel = configuration.logLevel
        self.gateway = Gateway(
            model: environment.model, registry: registry, auth: configuration.auth, clock: environment.clock,
            journal: environment.journal, scenario: environment.scenario, logger: logger)
        self.admin = AdminAPI(environment: environment, registry: registry)
    }

    /// The Hummingbird application; `onListening` receives the bound port once it serves.
    public func application(onListening: @escaping @Sendable (String, Int) async -> Void = { _, _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "bedrock-emulator.http")
        logger.logLevel = configuration.logLevel
        let host = configuration.host
        return Application(
            responder: GatewayResponder(gateway: gateway, admin: admin),
            server: .http1(configuration: .init(
                idleTimeout: nil,
                httpDecoderConfiguration: .init(maxHeaderFieldSize: 128 * 1024, maxHeaderListSize: 128 * 1024))),
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                await onListening(host, channel.localAddress?.port ?? 0)
            },
            logger: logger
        )
    }
}

extension EmulatorServer {
    /// The emulator as the executable runs it: its state, its scenario, and every handler
    /// registered. A scenario file that cannot be read or parsed throws `ScenarioError`.
    public init(configuration: EmulatorConfiguration) throws {
        let scenario = try configuration.scenarioFile.map { try ScenarioEngine.read($0, model: .bundled) }
        var start = configuration.virtualClockStart
        if !configuration.clockChosen, case .virtual(let given)? = scenario?.clock {
            start = given ?? Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        }
        let clock: any EmulatorClock = start.map { VirtualClock(start: $0) } ?? SystemClock()
        let quotas = RuntimeQuotas(mode: configuration.quotas)
        let environment = try configuration.stateDirectory.map { try EmulatorEnvironment.persistent(at: $0, clock: clock, quotas: quotas) }
            ?? .inMemory(clock: clock, quotas: quotas)
        if var scenario {
            // The command line's clock wins; the file's choice is then only advice.
            if configuration.clockChosen { scenario.clock = nil }
            try environment.install(scenario)
        }
        self.init(configuration: configuration, environment: environment, registry: Self.registry(environment: environment))
    }

    /// Makes the resources the scenario in force seeds (run once before serving).
    public func seedResources() async throws(ScenarioError) {
        try await admin.seeder.seed(environment.scenario.scenario)
    }

    /// Removes what an in-memory run left on disk (its temporary object folder).
    public func shutdown() {
        if configuration.stateDirectory == nil { try? environment.objects.removeAll() }
    }

    /// Every handler of every service.
    public static func registry(environment: EmulatorEnvironment) -> OperationRegistry {
        var registry = OperationRegistry()
        TaggingOperations.register(into: &registry, environment: environment)
        ControlPlaneOperations.register(into: &registry, environment: environment)
        RuntimeOperations.register(into: &registry, environment: environment)
        AgentsOperations.register(into: &registry, environment: environment)
        AgentRuntimeOperations.register(into: &registry, environment: environment)
        return registry
    }
}
