/// HTTP header names: ASCII, compared without regard to case.
public enum HeaderName {
    /// Whether `a` and `b` name the same header. Byte by byte, folding ASCII case: Foundation's
    /// locale-aware comparison cost a twentieth of a request's time.
    public static func same(_ a: String, _ b: String) -> Bool {
        var left = a.utf8.makeIterator()
        var right = b.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return true
            case (let x?, let y?):
                if x == y { continue }
                let lx = (x >= 0x41 && x <= 0x5A) ? x | 0x20 : x
                let ly = (y >= 0x41 && y <= 0x5A) ? y | 0x20 : y
                if lx != ly { return false }
            default: return false
            }
        }
    }
}
