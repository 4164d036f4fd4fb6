import Testing

@testable import NeuralKit

/// A sink collects a thread's leaf gradients with the bits the tensors would have got, and
/// leaves the tensors alone.
@Suite struct GradientSinkTests {
    @Test func aSinkCollectsWhatTheLeavesWouldHaveGot() {
        let w = Tensor([[0.5], [-1.5]], requiresGradient: true)
        let x = Tensor([[1, 2], [3, 4], [-1, 0.25]])
        func loss() -> Tensor { square(x.matmul(w)).sum() + w.sum() }  // w gets two contributions

        loss().backward()
        let direct = w.gradient
        w.zeroGradient()

        let sink = GradientSink()
        sink.collect { loss().backward() }
        #expect(w.gradient == nil, "the tensor itself is untouched")
        #expect(sink.gradient(of: w) == direct)
        #expect(sink.gradient(of: x) == nil, "no gradient for what needs none")
        #expect(GradientSink.current == nil, "collect restores the thread's previous sink")
    }

    @Test func nestedSinksRestoreTheOuterOne() {
        let w = Tensor([2], requiresGradient: true)
        let (outer, inner) = (GradientSink(), GradientSink())
        outer.collect {
            inner.collect { (w * 3).sum().backward() }
            (w * 5).sum().backward()
        }
        #expect(inner.gradient(of: w) == [3])
        #expect(outer.gradient(of: w) == [5])
    }
}
