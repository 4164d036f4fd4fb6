import Foundation
import Synchronization

/// Splits one piece of work into independent chunks and runs them on the calling thread
/// and the engine's helper threads (`EngineThreads.count − 1` of them: one per further core
/// by default) — for large matrix products, the fused training step and the optimizers'
/// large updates.
///
/// Each chunk computes the same numbers whichever thread runs it, so results never depend on
/// the timing. The calling thread does not wait for the helper to start: both claim chunks
/// from one counter, so on a busy machine where the helper is not scheduled the caller simply
/// runs them all (it waits only for a chunk the helper has already begun). The helper spins
/// briefly between pieces of work — a training step posts several per layer — and sleeps
/// when none comes.
///
/// Only one thread at a time shares work; a call from another thread meanwhile (parallel
/// tests, data-parallel workers) runs its chunks itself. A chunk must not depend on state kept
/// per thread (`RandomGenerator.global`, `withoutGradient`, a `GradientSink`): it may run on
/// either thread.
///
/// ```swift
/// SharedWork.run(chunks: 2) { chunk in /* rows chunk·n/2 ..< (chunk+1)·n/2 */ }
/// ```
final class SharedWork: @unchecked Sendable {
    /// Pieces of work smaller than this many floating-point operations (about 8 µs of a
    /// matrix product) run on the calling thread alone: handing them over costs more than it
    /// saves.
    static let minimumSharedFlops = 1_000_000

    /// Runs `body(0) … body(chunks − 1)`, in any order and on either thread, and returns when
    /// all are done. `flops` estimates the whole piece's work (see `minimumSharedFlops`).
    static func run(chunks: Int, flops: Int, _ body: (Int) -> Void) {
        guard chunks > 1, shares(flops: flops) else {
            for chunk in 0..<chunks { body(chunk) }
            return
        }
        shared.share(chunks: chunks, body)
    }

    /// Whether a piece of `flops` work would be shared (callers that must cut their work
    /// differently to share it ask first).
    static func shares(flops: Int) -> Bool {
        flops >= minimumSharedFlops && threadCount > 1 && !EngineThreads.isAlone
    }

    /// The threads that share work, the calling one included: cut work into this many chunks.
    static var threadCount: Int { EngineThreads.count }

    private static let shared = SharedWork()

    /// The posted piece: generation (high 32 bits), chunk count (next 16) and the next
    /// unclaimed chunk (low 16). Claiming is a compare-and-swap on the whole word, so a
    /// thread can only claim a chunk of the piece it read.
    private let state = Atomic<UInt64>(0)
    /// Chunks finished in the current piece.
    private let finished = Atomic<Int>(0)
    /// Set while the caller is inside `share`.
    private let busy = Atomic<Bool>(false)
    /// How many helpers wait on `wakeUp`.
    private let sleepingHelpers = Atomic<Int>(0)
    private let wakeUp = DispatchSemaphore(value: 0)
    /// The piece's body: written before the piece is posted, read only by a thread that
    /// claimed one of its chunks (so the caller is still waiting in `share`).
    private var body: ((Int) -> Void)?
    private var helperStarted = false

    private func share(chunks: Int, _ work: (Int) -> Void) {
        precondition(chunks < 1 << 16, "SharedWork takes fewer than 65536 chunks, got \(chunks)")
        guard busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
            for chunk in 0..<chunks { work(chunk) }
            return
        }
        defer { busy.store(false, ordering: .releasing) }
        if !helperStarted {
            helperStarted = true
            for _ in 1..<Self.threadCount {
                let thread = Thread { [self] in helperLoop() }
                thread.name = "NeuralKit.SharedWork"
                thread.start()
            }
        }
        withoutActuallyEscaping(work) { work in
            body = work
            finished.store(0, ordering: .relaxed)
            let generation = (state.load(ordering: .relaxed) >> 32) &+ 1
            state.store((generation << 32) | (UInt64(chunks) << 16), ordering: .sequentiallyConsistent)
            for _ in 0..<sleepingHelpers.load(ordering: .sequentiallyConsistent) { wakeUp.signal() }
            runClaimedChunks()
            var spins = 0
            while finished.load(ordering: .acquiring) < chunks {
                spins += 1
                if spins % 64 == 0 { sched_yield() }
            }
            body = nil
        }
    }

    /// Claims and runs chunks of the posted piece until none is left.
    private func runClaimedChunks() {
        var current = state.load(ordering: .acquiring)
        while true {
            let (count, next) = ((current >> 16) & 0xFFFF, current & 0xFFFF)
            guard next < count else { return }
            let (exchanged, original) = state.compareExchange(
                expected: current, desired: current + 1, ordering: .acquiringAndReleasing)
            guard exchanged else {
                current = original
                continue
            }
            body!(Int(next))
            finished.add(1, ordering: .releasing)
            current = state.load(ordering: .acquiring)
        }
    }

    /// The helper: runs chunks of each new piece, spinning a little while between pieces and
    /// sleeping after that.
    private func helperLoop() {
        var seen = state.load(ordering: .acquiring) >> 32
        while true {
            var spins = 0
            while state.load(ordering: .acquiring) >> 32 == seen {
                spins += 1
                if spins < 20_000 { continue }
                // A signal meant for another helper may wake this one early: it looks again.
                sleepingHelpers.add(1, ordering: .sequentiallyConsistent)
                if state.load(ordering: .sequentiallyConsistent) >> 32 == seen { wakeUp.wait() }
                sleepingHelpers.subtract(1, ordering: .sequentiallyConsistent)
                spins = 0
            }
            seen = state.load(ordering: .acquiring) >> 32
            runClaimedChunks()
        }
    }
}
