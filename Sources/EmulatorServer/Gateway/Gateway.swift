import BedrockAPI
import EmulatorCore
import Foundation
import Logging

/// The request path of every Bedrock call: authenticate, route, decode and validate,
/// handle, encode. Generic over all 219 operations; handlers never see HTTP.
public struct Gateway: Sendable {
    /// The decoder and encoder of one service.
    struct ServiceCodec: Sendable {
        let model: ServiceModel
        let decoder: RequestDecoder
        let encoder: ResponseEncoder
    }

    public let model: APIModel
    let router: Router
    let codecs: [String: ServiceCodec]
    let registry: OperationRegistry
    let auth: AuthMode
    let accounts: [String: String]
    let defaultAccount: AccountContext
    let clock: any EmulatorClock
    let journal: Journal?
    /// The scenario whose rules, accounts and delays apply; nil answers as the models do.
    let scenario: ScenarioEngine?
    let logger: Logger

    public init(
        model: APIModel, registry: OperationRegistry, auth: AuthMode = .lenient, accounts: [String: String] = [:],
        defaultAccount: AccountContext = AccountContext(), clock: any EmulatorClock = SystemClock(), journal: Journal? = nil,
        scenario: ScenarioEngine? = nil, logger: Logger = Logger(label: "bedrock-emulator.gateway")
    ) {
        self.model = model
        self.router = Router(model: model)
        self.codecs = Dictionary(uniqueKeysWithValues: model.services.map {
            ($0.name, ServiceCodec(model: $0, decoder: RequestDecoder(service: $0), encoder: ResponseEncoder(service: $0)))
        })
        self.registry = registry
        self.auth = auth
        self.accounts = accounts
        self.defaultAccount = defaultAccount
        self.clock = clock
        self.journal = journal
        self.scenario = scenario
        self.logger = logger
    }

    /// Answers one request; every failure becomes an AWS-shaped error response.
    public func handle(_ request: HTTPRequestParts) async -> GatewayResponse {
        let requestId = ResourceID.uuid()
        let started = ContinuousClock.now
        let receivedAt = clock.now()
        var codec: ServiceCodec?
        var answer: GatewayResponse
        var key: OperationKey?
        var modelId: String?
        var usage: (input: Int, output: Int)?
        var errorCode: String?
        var rules = CallRules.none
        var inputForJournal: ShapeValue?
        do {
            let caller = try authenticate(request)
            let (match, operation, input, routed) = try route(request, failedCodec: &codec)
            codec = routed
            key = match.key
            modelId = (input["modelId"] ?? input["modelIdentifier"])?.stringValue
            guard let handler = registry.handler(for: match.key) else {
                throw BedrockError.notImplemented(service: match.key.service, operation: match.key.operation)
            }
            let streams = routed.encoder.eventStream(of: operation) != nil
            if let scenario {
                let subject = RuleSubject(
                    service: match.key.service, operation: match.key.operation, models: modelId.map { [$0] } ?? [],
                    session: (input["sessionId"] ?? input["sessionIdentifier"])?.stringValue)
                rules = CallRules(engine: scenario, subject: subject, streams: streams)
            }
            inputForJournal = input
            let context = RequestContext(
                requestId: requestId, account: caller.account, accessKeyId: caller.accessKeyId, receivedAt: receivedAt, rules: rules)
            let output: OperationOutput
            do {
                if !registry.decidesRules(match.key) { try rules.decide() }
                output = try await handler(OperationRequest(key: match.key, input: input, context: context))
            } catch let error as BedrockError {
                throw error.modeled(by: operation)
            }
            usage = output.usage
            answer = GatewayResponse(response: routed.encoder.encode(output.value, for: operation))
            answer.response.headers.append(contentsOf: output.headers)
            if let events = output.events, let stream = routed.encoder.eventStream(of: operation) {
                answer.frames = EventFrameSequence(
                    events: events, encoder: routed.encoder, union: stream.union, knownUpFront: output.eventsKnownUpFront)
            }
        } catch let error as BedrockError {
            errorCode = error.code
            answer = GatewayResponse(response: Self.encodeError(error, codec: codec))
        } catch {
            logger.error("handler failed", metadata: ["error": "\(error)", "path": "\(request.rawPath)"])
            errorCode = "InternalServerException"
            answer = GatewayResponse(response: Self.encodeError(.internalServer(), codec: codec))
        }
        answer.response.headers.append(("x-amzn-RequestId", requestId))
        let decision = rules.decision
        if let delay = decision?.action.latency?.delayMs, delay > 0 {
            try? await Task.sleep(for: .milliseconds(delay))
        }
        // A stream the rule breaks part-way still answers 200; the journal says how it ends.
        if errorCode == nil, answer.frames != nil, let late = decision?.action.error { errorCode = late.error.code }
        let sequence = journal?.record(JournalEntry(
            time: receivedAt, requestId: requestId, service: key?.service, operation: key?.operation, method: request.method,
            path: request.rawPath, modelId: modelId, status: answer.response.status, errorCode: errorCode,
            inputTokens: usage?.input, outputTokens: usage?.output, latencyMs: Elapsed.milliseconds(since: started),
            rule: decision?.rule, summary: rules.prompt.map { Self.brief($0) } ?? inputForJournal.flatMap(Self.summary(of:))))
        if answer.frames != nil, let sequence { answer.journaled = (sequence, started) }
        return answer
    }

    /// A stream has written its last frame: its journal entry's latency becomes the whole call's.
    public func streamEnded(_ answer: GatewayResponse) {
        guard let (sequence, started) = answer.journaled else { return }
        journal?.finish(sequence, latencyMs: Elapsed.milliseconds(since: started))
    }

    /// The operation the request names and its validated input. Where two services share a
    /// route, the first whose input the request satisfies wins (else the first's error, with
    /// `failedCodec` set so the error is encoded in that service's shapes).
    func route(_ request: HTTPRequestParts, failedCodec: inout ServiceCodec?) throws(BedrockError) -> (Router.Match, OperationModel, ShapeValue, ServiceCodec) {
        let candidates = router.candidates(method: request.method, path: request.rawPath, query: request.query.map { ($0.name, $0.value) })
        var firstFailure: (BedrockError, ServiceCodec)?
        for match in candidates {
            guard let candidate = codecs[match.key.service], let operation = candidate.model.operations[match.key.operation] else { continue }
            do {
                let input = try candidate.decoder.decode(operation, labels: match.labels, request: request)
                return (match, operation, input, candidate)
            } catch {
                if firstFailure == nil { firstFailure = (error, candidate) }
            }
        }
        if let (error, candidate) = firstFailure {
            failedCodec = candidate
            throw error
        }
        throw .unknownOperation(method: request.method, path: request.rawPath)
    }

    /// An error in the service's own shape when the request got as far as a service.
    static func encodeError(_ error: BedrockError, codec: ServiceCodec?) -> EncodedResponse {
        if let codec { return codec.encoder.encodeError(error) }
        return EncodedResponse(
            status: error.status,
            headers: [("x-amzn-ErrorType", error.code), ("Content-Type", "application/json")],
            body: Data(JSONWriter.write(.object(["message": .string(error.message)])))
        )
    }
}

extension GatewayResponse {
    init(response: EncodedResponse) {
        self.response = response
        self.frames = nil
    }
}
