// The engine's benchmark workloads (defined in bench/WORKLOADS.md), printed as one JSON line
// each, prefixed `RESULT `, like the peer scripts in bench/peers/. `bench/compare.py` runs
// this and the peers side by side and prints ratios.
//
// usage: neuralkit-bench [w1|w2|gemm|all] [--repeats N] [--epochs N]
//        neuralkit-bench levels    # the kernel levels this CPU runs, for `make check-everywhere`
import NeuralKitKernels
import Foundation
import NeuralKit

let arguments = CommandLine.arguments.dropFirst()
let workload = arguments.first { !$0.hasPrefix("-") } ?? "all"
let repeats = arguments.firstIndex(of: "--repeats").flatMap { Int(arguments[$0 + 1]) } ?? 5
let timedEpochs = arguments.firstIndex(of: "--epochs").flatMap { Int(arguments[$0 + 1]) } ?? 5

func emit(_ fields: [String: Any]) {
    guard let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]) else { return }
    print("RESULT " + String(decoding: data, as: UTF8.self))
}

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// W1: the article's example — Dense(1) on 100×1 uniform data, MSE, Adam(0.01),
/// 1000 epochs of batches 32, 32, 32, 4.
func w1() {
    for repeat_ in 0..<repeats {
        RandomGenerator.seedGlobal(0)
        let x = Tensor.uniform([100, 1])
        let y = Tensor.uniform([100, 1])
        let model = Sequential { Dense(1, inputSize: 1) }
        model.compile(optimizer: Adam(learningRate: 0.01), loss: MeanSquaredError())
        var history = History()
        let fit = seconds { history = model.fit(x, y, epochs: 1000, batchSize: 32) }
        emit(["script": "w1_neuralkit", "repeat": repeat_, "fit_s": fit, "final_epoch_loss": Double(history.finalLoss)])
    }
}

/// W2: an MLP 64 → 256 (relu) → 256 (relu) → 10 on 10 Gaussian blobs in 64 dimensions
/// (N = 8192; centers ~ N(0, 1), noise ~ N(0, 2²)), sparse categorical cross-entropy on
/// logits, Adam(1e-3), batch 128: one warm-up epoch, then 5 timed epochs.
func w2() {
    var generator = RandomGenerator(seed: 0)
    let (count, dimensions, classes) = (8192, 64, 10)
    let centers = Tensor.normal([classes, dimensions], using: &generator)
    let labels = (0..<count).map { _ in generator.nextInt(below: classes) }
    let noise = Tensor.normal([count, dimensions], standardDeviation: 2, using: &generator)
    let x = centers.gathering(rows: labels) + noise
    let y = Tensor(labels.map(Float.init))
    RandomGenerator.seedGlobal(0)
    let model = Sequential {
        Dense(256, inputSize: dimensions, activation: .relu)
        Dense(256, activation: .relu)
        Dense(classes)
    }
    model.compile(optimizer: Adam(learningRate: 1e-3), loss: SparseCategoricalCrossEntropy(fromLogits: true))
    let warmup = seconds { model.fit(x, y, epochs: 1, batchSize: 128) }
    var epochs: [Double] = []
    var loss: Float = 0
    for _ in 0..<timedEpochs {
        epochs.append(seconds { loss = model.fit(x, y, epochs: 1, batchSize: 128).finalLoss })
    }
    let flops = 3.0 * Double(count) * Double(2 * (64 * 256 + 256 * 256 + 256 * 10))
    emit([
        "script": "w2_neuralkit", "epoch_s": epochs, "warmup_epoch_s": warmup, "flops_per_epoch": flops,
        "final_epoch_loss": Double(loss), "peak_rss_mb": peakResidentMegabytes(),
    ])
}

/// The process's peak resident memory (`VmHWM` in /proc/self/status), in MB.
func peakResidentMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kilobytes / 1024
}

/// The CPU's peak FMA rate at the engine's level, in GFLOP/s (best of 5).
func peakGigaflops(_ isa: nk_isa) -> Double {
    var sink: Float = 0
    var best = 0.0
    for _ in 0..<5 {
        var work = 0.0
        let time = seconds { work = nk_fma_peak_work(isa, 20_000_000, &sink) }
        best = max(best, work / time / 1e9)
    }
    return best
}

/// Float32 GEMM throughput of the engine's own kernels (`nk_sgemm`, the level the engine
/// runs, one thread), at 1024³ and at W2's three forward shapes, for the comparison with
/// numpy's matmul in `bench/peers/gemm_numpy.py` (same shapes, one thread).
func gemm() {
    let level = KernelLevel.current
    let isa = level.kernelISA
    for (m, k, n) in [(1024, 1024, 1024), (128, 64, 256), (128, 256, 256), (128, 256, 10)] {
        let a = (0..<m * k).map { Float($0 % 7) * 0.125 - 0.375 }
        let b = (0..<k * n).map { Float($0 % 5) * 0.25 - 0.5 }
        var c = [Float](repeating: 0, count: m * n)
        let flops = 2.0 * Double(m * k * n)
        let iterations = max(3, Int(2e9 / flops))
        var best = Double.infinity
        for _ in 0..<3 {
            let time = seconds {
                for _ in 0..<iterations {
                    nk_sgemm(isa, 0, 0, m, n, k, a, k, b, n, &c, n, 0)
                }
            }
            best = min(best, time / Double(iterations))
        }
        emit([
            "script": "gemm_neuralkit", "shape": "\(m)x\(k)x\(n)", "gflops": flops / best / 1e9, "isa": level.rawValue,
        ])
    }
    emit(["script": "fma_peak", "gflops": peakGigaflops(isa), "isa": level.rawValue])
}

switch workload {
case "w1": w1()
case "w2": w2()
case "gemm": gemm()
case "levels": print(KernelLevel.available.map(\.rawValue).joined(separator: " "))
default:
    w1()
    w2()
    gemm()
}
