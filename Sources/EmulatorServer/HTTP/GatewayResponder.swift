import BedrockAPI
import EmulatorCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The Hummingbird responder: turns a request into `HTTPRequestParts`, enforces the size
/// limits, serves the admin API under `/_emulator/`, and hands the rest to the gateway.
struct GatewayResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// Bedrock's request payload limit.
    static let maximumBodySize = 25 * 1024 * 1024
    /// Header bytes accepted; more is refused with a JSON error rather than a dropped connection.
    static let maximumHeaderSize = 64 * 1024
    /// Bytes of ready event-stream frames gathered before a write.
    static let streamWriteSize = 64 * 1024

    let gateway: Gateway
    let admin: AdminAPI

    func respond(to request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        if path == "/_emulator" || path.hasPrefix("/_emulator/") {
            var answer = await admin.handle(
                method: request.method.rawValue, path: path, query: HTTPRequestParts.parseQuery(request.uri.query), body: try await collect(request))
            answer.headers.append(("x-amzn-RequestId", ResourceID.uuid()))
            return Self.response(answer)
        }
        let headerBytes = request.headers.reduce(0) { $0 + $1.name.rawName.utf8.count + $1.value.utf8.count + 4 }
        if headerBytes > Self.maximumHeaderSize {
            return Self.failure(.validation("The request headers total \(headerBytes) bytes; the limit is \(Self.maximumHeaderSize) bytes."))
        }
        guard let body = try await collect(request) else {
            return Self.failure(.validation("The request body is larger than the \(Self.maximumBodySize / 1024 / 1024) MB limit Bedrock accepts."))
        }
        // HTTP/1.1's Host header arrives as the request's authority, not as a field; SigV4
        // signs it, so it goes back among the headers the signature is checked against.
        var headers = request.headers.map { ($0.name.rawName, $0.value) }
        if let authority = request.head.authority, !headers.contains(where: { HeaderName.same($0.0, "Host") }) {
            headers.append(("Host", authority))
        }
        let parts = HTTPRequestParts(
            method: request.method.rawValue,
            rawPath: path,
            rawQuery: request.uri.query ?? "",
            headers: headers,
            body: body
        )
        let answer = await gateway.handle(parts)
        var response = Self.response(answer.response)
        if let frames = answer.frames {
            response.body = ResponseBody { writer in
                // Frames that are all ready go out in few writes: one write and flush per frame
                // cost more than making them. A paced stream writes each frame as it comes.
                var buffer = ByteBuffer()
                for await frame in frames {
                    buffer.writeBytes(frame)
                    if !frames.knownUpFront || buffer.readableBytes >= Self.streamWriteSize {
                        try await writer.write(buffer)
                        buffer = ByteBuffer()
                    }
                }
                if buffer.readableBytes > 0 { try await writer.write(buffer) }
                gateway.streamEnded(answer)
                try await writer.finish(nil)
            }
        }
        return response
    }

    /// The whole body, or nil when it is over the limit (the rest is read and dropped so
    /// the client sees the error instead of a reset connection).
    func collect(_ request: Request) async throws -> Data? {
        var buffer = ByteBuffer()
        var tooLarge = false
        for try await chunk in request.body {
            if tooLarge { continue }
            if buffer.readableBytes + chunk.readableBytes > Self.maximumBodySize {
                tooLarge = true
                buffer = ByteBuffer()
                continue
            }
            var chunk = chunk
            buffer.writeBuffer(&chunk)
        }
        return tooLarge ? nil : Data(buffer.readableBytesView)
    }

    static func failure(_ error: BedrockError) -> Response {
        var encoded = Gateway.encodeError(error, codec: nil)
        encoded.headers.append(("x-amzn-RequestId", ResourceID.uuid()))
        return response(encoded)
    }

    static func response(_ encoded: EncodedResponse) -> Response {
        var fields = HTTPFields()
        for (name, value) in encoded.headers {
            if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) }
        }
        return Response(
            status: HTTPResponse.Status(code: encoded.status),
            headers: fields,
            body: encoded.body.isEmpty ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: encoded.body))
        )
    }
}
