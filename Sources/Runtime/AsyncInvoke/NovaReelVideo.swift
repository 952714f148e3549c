import BedrockAPI
import Foundation

/// Nova Reel's request checks and its output. The emulator renders no video: the file it
/// writes is an MP4 container (`ftyp` and a `free` box naming the prompt) with no frames,
/// enough for code that checks the file exists and is MP4, not for a player.
enum NovaReelVideo {
    static let taskTypes = ["TEXT_VIDEO", "MULTI_SHOT_AUTOMATED", "MULTI_SHOT_MANUAL"]

    static func render(_ input: JSONValue) throws(BedrockError) -> Data {
        guard let taskType = input["taskType"]?.stringValue, taskTypes.contains(taskType) else {
            throw .validation("Malformed input request: #/taskType: must be one of \(taskTypes.joined(separator: ", ")), please reformat your input and try again.")
        }
        let text = input["textToVideoParams"]?["text"]?.stringValue
            ?? input["multiShotAutomatedParams"]?["text"]?.stringValue
            ?? input["multiShotManualParams"]?["shots"]?.arrayValue?.compactMap { $0["text"]?.stringValue }.joined(separator: " ")
        guard let text, !text.isEmpty else {
            throw .validation("Malformed input request: #: required key [textToVideoParams] not found, please reformat your input and try again.")
        }
        let config = input["videoGenerationConfig"]
        let duration = config?["durationSeconds"]?.intValue ?? 6
        if taskType == "TEXT_VIDEO" && duration != 6 {
            throw .validation("Malformed input request: #/videoGenerationConfig/durationSeconds: \(duration) is not a valid enum value, please reformat your input and try again.")
        }
        var mp4 = box("ftyp", Array("isom".utf8) + [0, 0, 2, 0] + Array("isomiso2mp41".utf8))
        mp4 += box("free", Array("bedrock-emulator nova-reel \(duration)s: \(text)".utf8))
        return Data(mp4)
    }

    static func box(_ type: String, _ payload: [UInt8]) -> [UInt8] {
        let size = UInt32(8 + payload.count)
        return [UInt8(size >> 24), UInt8((size >> 16) & 0xFF), UInt8((size >> 8) & 0xFF), UInt8(size & 0xFF)] + Array(type.utf8) + payload
    }
}
