import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation

/// The runtime's side of model invocation logging: each answered call becomes one record,
/// delivered once the answer is made; a failing delivery never fails the call.
struct RuntimeInvocationLog: Sendable {
    let logging: ModelInvocationLogging

    init(environment: EmulatorEnvironment) {
        logging = ModelInvocationLogging(environment: environment)
    }

    /// InvokeModel and its stream: the native body in; the native body, or the stream's chunks, out.
    func invoked(_ request: OperationRequest, model: FoundationModel, answer: NativeAnswer, output: JSONValue) async {
        let type: InvocationLogRecord.DataType =
            model.outputModalities.contains("EMBEDDING") ? .embedding : model.outputModalities.contains("IMAGE") ? .image : .text
        await logging.deliver(type, context: request.context) {
            let input = (try? JSONParser.parse(request.input["body"]?.blobValue ?? Data())) ?? .null
            return record(request, input: input, inputTokens: answer.inputTokens, output: output, outputTokens: answer.outputTokens)
        }
    }

    /// Converse and its stream (text, always): the request without its model id in; the output, or the events, out.
    func conversed(_ request: OperationRequest, output: ShapeValue, events: [OperationOutput.Event]?, inputTokens: Int, outputTokens: Int) async {
        await logging.deliver(.text, context: request.context) {
            var input = request.input.mapValue ?? [:]
            input["modelId"] = nil
            let written = events.map { JSONValue.array($0.map { [$0.name: ShapeEncoder.document($0.value)] }) } ?? ShapeEncoder.document(output)
            return record(request, input: ShapeEncoder.document(.map(input)), inputTokens: inputTokens, output: written, outputTokens: outputTokens)
        }
    }

    func record(_ request: OperationRequest, input: JSONValue, inputTokens: Int, output: JSONValue, outputTokens: Int) -> InvocationLogRecord {
        InvocationLogRecord(
            operation: request.key.operation, modelId: request.input["modelId"]?.stringValue ?? "",
            inputBody: input, inputTokens: inputTokens, outputBody: output, outputTokens: outputTokens)
    }
}
