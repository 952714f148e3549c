import Foundation

/// Deterministic pictures: a soft two-colour gradient with bands, its colours drawn from the
/// prompt and seed, so the same request gives the same PNG and different prompts differ.
public enum ImageMaker {
    /// `count` PNGs of `width` x `height`.
    public static func images(prompt: String, seed: Int, width: Int, height: Int, count: Int) -> [Data] {
        (0..<max(1, count)).map { index in
            var random = SeededRandom(text: "\(prompt)\u{0}\(seed)\u{0}\(index)")
            let from = (UInt8(random.below(256)), UInt8(random.below(256)), UInt8(random.below(256)))
            let to = (UInt8(random.below(256)), UInt8(random.below(256)), UInt8(random.below(256)))
            let bands = 2 + random.below(6)
            return PNGImage.encode(width: width, height: height) { x, y in
                let t = Double(x + y) / Double(max(1, width + height - 2))
                let band = (Int(t * Double(bands * 2)) % 2 == 0) ? 1.0 : 0.85
                func mix(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8(max(0, min(255, (Double(a) * (1 - t) + Double(b) * t) * band))) }
                return (mix(from.0, to.0), mix(from.1, to.1), mix(from.2, to.2))
            }
        }
    }
}
