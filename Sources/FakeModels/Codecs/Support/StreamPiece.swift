/// One piece of a streamed answer and where it falls: text formats mark the first chunk
/// (prompt token count) and the last (stop reason), and some carry a running token count.
struct StreamPiece: Sendable, Equatable {
    let text: String
    let isFirst: Bool
    let isLast: Bool
    /// Output tokens up to and including this piece; the last piece carries the total.
    let tokensSoFar: Int

    /// `text` in pieces of about `tokensPerPiece` tokens; always at least one piece, so a
    /// stream always has a last chunk to carry its stop reason and the runtime's metrics.
    static func pieces(of text: String, totalTokens: Int, tokensPerPiece: Int) -> [StreamPiece] {
        let texts = Tokenizer.pieces(of: text, tokensPerPiece: tokensPerPiece)
        guard !texts.isEmpty else { return [StreamPiece(text: "", isFirst: true, isLast: true, tokensSoFar: totalTokens)] }
        var running = 0
        var result: [StreamPiece] = []
        for (index, piece) in texts.enumerated() {
            let last = index == texts.count - 1
            running += Tokenizer.count(piece)
            result.append(StreamPiece(text: piece, isFirst: index == 0, isLast: last, tokensSoFar: last ? totalTokens : min(running, totalTokens)))
        }
        return result
    }
}
