import ArgumentParser
import BedrockAPI
import EmulatorCore
import EmulatorServer
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix

/// `bedrock-emulator`: a local Amazon Bedrock on one port.
@main
struct BedrockEmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bedrock-emulator",
        abstract: "A local, deterministic emulator of Amazon Bedrock's four APIs on one port.",
        version: AdminAPI.version
    )

    /// Runs Swift concurrency's jobs on the NIO event loops that serve the sockets, so a
    /// request's task does not hop between two thread pools on every read and write.
    static func main() async {
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        await main(nil)
    }

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 4566

    @Option(help: "Keep state in this folder (state.sqlite and objects/) across restarts; in memory when absent.")
    var state: String?

    @Option(help: "A scenario file (YAML or JSON): scripted replies, faults, latency, quotas, job timings; see the README.")
    var scenario: String?

    @Flag(help: "Reload the --scenario file when it changes; a bad edit is logged and the previous scenario stays.")
    var watch = false

    @Option(help: "lenient: any signature or none; strict: verify SigV4 against --credentials.")
    var auth: String = "lenient"

    @Option(help: "ACCESS_KEY_ID:SECRET_KEY accepted in strict auth mode (repeatable; default test:test).")
    var credentials: [String] = []

    @Option(help: "system: the machine's clock; virtual: a clock that moves only through POST /_emulator/clock. Default: the scenario's, else system.")
    var clock: String?

    @Option(help: "Where the virtual clock starts (ISO-8601, e.g. 2026-01-01T00:00:00Z); default: now.")
    var clockStart: String?

    @Option(help: "off: no runtime quotas; aws: the user guide's requests and tokens per minute for each model.")
    var quotas: String = "off"

    @Option(help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    func run() async throws {
        var configuration = EmulatorConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.stateDirectory = state.map { URL(fileURLWithPath: $0, isDirectory: true) }
        configuration.scenarioFile = scenario.map { URL(fileURLWithPath: $0) }
        if watch && scenario == nil { throw ValidationError("--watch needs --scenario FILE") }
        configuration.watchScenario = watch
        configuration.clockChosen = clock != nil
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
        configuration.logLevel = level
        guard let quotaMode = RuntimeQuotas.Mode(rawValue: quotas) else { throw ValidationError("--quotas must be off or aws") }
        configuration.quotas = quotaMode
        switch clock ?? "system" {
        case "system":
            if clockStart != nil { throw ValidationError("--clock-start needs --clock virtual") }
        case "virtual":
            if let clockStart {
                guard let start = Timestamp.parseISO8601(clockStart) else {
                    throw ValidationError("--clock-start takes an ISO-8601 time such as 2026-01-01T00:00:00Z, not \(clockStart)")
                }
                configuration.virtualClockStart = start
            } else {
                configuration.virtualClockStart = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
            }
        default:
            throw ValidationError("--clock must be system or virtual")
        }
        switch auth {
        case "lenient":
            configuration.auth = .lenient
        case "strict":
            var secrets: [String: String] = [:]
            for pair in credentials.isEmpty ? ["test:test"] : credentials {
                let parts = pair.split(separator: ":", maxSplits: 1)
                guard parts.count == 2 else { throw ValidationError("--credentials takes ACCESS_KEY_ID:SECRET_KEY, not \(pair)") }
                secrets[String(parts[0])] = String(parts[1])
            }
            configuration.auth = .strict(secrets: secrets)
        default:
            throw ValidationError("--auth must be lenient or strict")
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let server: EmulatorServer
        do {
            server = try EmulatorServer(configuration: configuration)
            try await server.seedResources()
        } catch let error as ScenarioError {
            FileHandle.standardError.write(Data("bedrock-emulator: the scenario was refused: \(error)\n".utf8))
            throw ExitCode(2)
        }
        defer { server.shutdown() }
        if watch, let file = configuration.scenarioFile { server.watchScenario(file) }
        server.startTicker()
        try await server.application { host, port in
            // Written unbuffered: tests and scripts wait for this line on a pipe.
            FileHandle.standardOutput.write(Data("bedrock-emulator listening on http://\(host):\(port)\n".utf8))
        }.runService()
    }
}
