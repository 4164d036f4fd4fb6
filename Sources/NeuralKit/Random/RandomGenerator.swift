import Foundation

/// A seeded pseudo-random generator that yields the same numbers on every platform.
///
/// The state is xoshiro256** (Blackman & Vigna), filled from the seed by SplitMix64, so any
/// 64-bit seed, including 0, gives a well-mixed state. Floats use the top 24 bits:
/// `u = (next() >> 40) · 2⁻²⁴ ∈ [0, 1)`, exact in `Float` and independent of the platform's
/// `Float` rounding.
///
/// ```swift
/// var generator = RandomGenerator(seed: 42)
/// let u = generator.nextUniform()      // same value on every machine
/// ```
public struct RandomGenerator: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Creates a generator whose sequence is fixed by `seed`.
    /// - Parameter seed: Any 64-bit number, 0 included.
    public init(seed: UInt64) {
        var splitMix = seed
        func nextSplitMix() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = nextSplitMix()
        s1 = nextSplitMix()
        s2 = nextSplitMix()
        s3 = nextSplitMix()
    }

    /// The next 64 random bits (xoshiro256**).
    /// - Returns: 64 uniformly distributed bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// A uniform `Float` in `[0, 1)`: `(next() >> 40) · 2⁻²⁴`.
    /// - Returns: A value in `[0, 1)`, a multiple of 2⁻²⁴.
    public mutating func nextUniform() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// A standard normal `Float` by the Box–Muller transform:
    /// `z = √(−2 ln u₁) · cos(2π u₂)` with `u₁ ∈ (0, 1]`.
    /// - Returns: A draw from `N(0, 1)`.
    public mutating func nextNormal() -> Float {
        let u1 = 1 - Double(next() >> 11) * 0x1p-53
        let u2 = Double(next() >> 11) * 0x1p-53
        return Float((-2 * Elementary.log(u1)).squareRoot() * Elementary.cos(2 * Double.pi * u2))
    }

    /// A uniform integer in `0..<upperBound`, by Lemire's multiply-shift without bias.
    /// - Parameter upperBound: The number of possible values, > 0.
    /// - Returns: A value in `0..<upperBound`.
    public mutating func nextInt(below upperBound: Int) -> Int {
        precondition(upperBound > 0, "nextInt(below:) needs a positive bound, got \(upperBound)")
        return Int(truncatingIfNeeded: next(upperBound: UInt64(upperBound)))
    }

    /// A random permutation of `0..<count` by the Fisher–Yates shuffle (documented, so the
    /// order is the same on every platform, unlike the standard library's `shuffled()`).
    /// - Parameter count: The number of elements.
    /// - Returns: `0..<count` in a random order.
    public mutating func permutation(_ count: Int) -> [Int] {
        var indices = Array(0..<count)
        var i = count - 1
        while i > 0 {
            let j = nextInt(below: i + 1)
            indices.swapAt(i, j)
            i -= 1
        }
        return indices
    }

    /// A seed derived from the generator's current state and `salt`, without advancing it
    /// (SplitMix64's finalizer over the mixed state): for generators of their own that depend
    /// on the chapter's seed but do not shift its sequence.
    /// - Parameter salt: Tells apart the seeds derived from one state (a worker's index, say).
    /// - Returns: A seed for `RandomGenerator(seed:)`.
    public func seed(mixing salt: UInt64) -> UInt64 {
        var z = (s0 ^ rotateLeft(s1, 17) ^ rotateLeft(s2, 31) ^ rotateLeft(s3, 47)) &+ salt &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}

extension RandomGenerator {
    /// The engine's default generator, one per thread. A chapter program seeds its main
    /// thread's once, from the book's `execute.seed`, so a chapter gives the same numbers on
    /// every run; other threads (parallel tests, data-parallel workers) have their own, so they
    /// never disturb that sequence or each other.
    public static var global: RandomGenerator {
        get { GeneratorBox.current.generator }
        set { GeneratorBox.current.generator = newValue }
    }

    /// Restarts this thread's default generator from `seed`.
    /// - Parameter seed: The seed, as in `RandomGenerator(seed:)`.
    public static func seedGlobal(_ seed: UInt64) {
        global = RandomGenerator(seed: seed)
    }
}

/// A thread's default generator, kept in POSIX thread-specific storage and released with
/// the thread.
private final class GeneratorBox {
    var generator = RandomGenerator(seed: 0)

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        // The destructor's argument is optional in Glibc's signature and not in Darwin's;
        // `release` takes an optional, so the same closure compiles on both.
        let status = pthread_key_create(&key) { GeneratorBox.release($0) }
        precondition(status == 0, "pthread_key_create failed with status \(status)")
        return key
    }()

    /// Balances the retain of `current` when the thread ends.
    private static func release(_ pointer: UnsafeMutableRawPointer?) {
        guard let pointer else { return }
        Unmanaged<GeneratorBox>.fromOpaque(pointer).release()
    }

    /// This thread's box, created (seeded with 0) on first use.
    static var current: GeneratorBox {
        if let pointer = pthread_getspecific(key) {
            return Unmanaged<GeneratorBox>.fromOpaque(pointer).takeUnretainedValue()
        }
        let box = GeneratorBox()
        pthread_setspecific(key, Unmanaged.passRetained(box).toOpaque())
        return box
    }
}
