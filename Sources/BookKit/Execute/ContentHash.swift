import Foundation

/// A 128-bit content hash for cache keys: two FNV-1a 64-bit hashes with different offset
/// bases, as 32 hex digits. Not cryptographic — cache keys only need to change when content
/// changes — and it spares CI a from-scratch build of swift-crypto (BoringSSL) on every run.
struct ContentHash {
    private var low: UInt64 = 0xCBF2_9CE4_8422_2325
    private var high: UInt64 = 0x6C62_272E_07BB_0142
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// Mixes in `bytes`: for each byte `h = (h ⊕ byte) · p`.
    mutating func combine<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            low = (low ^ UInt64(byte)) &* Self.prime
            high = (high ^ UInt64(byte)) &* Self.prime
            high = high &+ (low >> 29)
        }
    }

    /// Mixes in a string and a separator, so `("ab", "c")` and `("a", "bc")` differ.
    mutating func combine(_ text: String) {
        combine(bytes: text.utf8)
        combine(bytes: [0])
    }

    var hex: String { String(format: "%016llx%016llx", high, low) }
}
