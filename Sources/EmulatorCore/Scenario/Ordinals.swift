/// Which calls (or turns) a rule applies to, counted from 1: `3`, `[1, 3]`, `"2-4"`, `"3+"`.
public struct Ordinals: Sendable, Equatable {
    enum Part: Sendable, Equatable {
        case exactly(Int)
        case range(ClosedRange<Int>)
        case from(Int)
    }

    let parts: [Part]

    public func contains(_ number: Int) -> Bool {
        parts.contains { part in
            switch part {
            case .exactly(let n): n == number
            case .range(let range): range.contains(number)
            case .from(let first): number >= first
            }
        }
    }
}

extension Ordinals {
    init(_ node: ScenarioNode) throws(ScenarioError) {
        var parts: [Part] = []
        let items: [ScenarioNode]
        if case .list(let list) = node.value { items = list } else { items = [node] }
        if items.isEmpty { throw node.error("expected at least one number; leave the key out to match every call") }
        for item in items {
            if let number = try? item.int(in: 1...Int.max) {
                parts.append(.exactly(number))
                continue
            }
            let text = (try? item.string()) ?? ""
            if text.hasSuffix("+"), let first = Int(text.dropLast()), first >= 1 {
                parts.append(.from(first))
            } else if let dash = text.firstIndex(of: "-"), let low = Int(text[..<dash]), let high = Int(text[text.index(after: dash)...]),
                low >= 1, low <= high
            {
                parts.append(.range(low...high))
            } else {
                throw item.error("expected a number from 1, a range like \"2-4\", \"3+\" for the third onwards, or a list of these")
            }
        }
        self.parts = parts
    }
}
