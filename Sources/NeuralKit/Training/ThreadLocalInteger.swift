import Foundation

/// An `Int` that every thread sees and sets separately (a POSIX thread-specific value),
/// 0 on a thread that never set it.
///
/// It holds `withoutGradient`'s nesting depth (`GradientRecording.disabledDepth`): with one
/// process-wide counter, `evaluate` on one thread switched recording off for the graphs
/// that data-parallel workers or concurrently running tests were building on others, and
/// two threads entering at once could lose an increment. It lives here because parallel
/// training is what needs it.
///
/// ```swift
/// let depth = ThreadLocalInteger()
/// depth.value += 1          // this thread only
/// ```
final class ThreadLocalInteger: Sendable {
    private let key: pthread_key_t

    /// Creates the per-thread slot (no destructor: the value is stored in the pointer itself).
    init() {
        var key = pthread_key_t()
        let status = pthread_key_create(&key, nil)
        precondition(status == 0, "pthread_key_create failed with status \(status)")
        self.key = key
    }

    /// This thread's value.
    var value: Int {
        get { Int(bitPattern: pthread_getspecific(key)) }
        set { pthread_setspecific(key, UnsafeRawPointer(bitPattern: newValue)) }
    }
}

/// `withoutGradient`'s nesting depth on each thread (see `GradientRecording`).
let gradientRecordingDisabledDepth = ThreadLocalInteger()
