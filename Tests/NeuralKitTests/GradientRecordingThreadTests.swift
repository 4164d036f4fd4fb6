import Foundation
import Synchronization
import Testing

@testable import NeuralKit

/// `withoutGradient` is per thread: data-parallel workers, and tests running side by side,
/// keep recording while another thread evaluates.
@Suite struct GradientRecordingThreadTests {
    @Test func withoutGradientOnOneThreadLeavesOtherThreadsRecording() {
        // Worker threads must record their graphs even while another thread evaluates.
        let done = DispatchSemaphore(value: 0)
        let recordedElsewhere = Mutex(false)
        withoutGradient {
            #expect(!GradientRecording.isEnabled)
            Thread {
                let w = Tensor([1, 2], requiresGradient: true)
                recordedElsewhere.withLock { $0 = GradientRecording.isEnabled && (w * w).sum().requiresGradient }
                done.signal()
            }.start()
            done.wait()
        }
        #expect(recordedElsewhere.withLock { $0 })
        #expect(GradientRecording.isEnabled)
    }
}
