// The engine's benchmark workloads (defined in bench/WORKLOADS.md), printed as one JSON line
// each, prefixed `RESULT `, like the peer scripts in bench/peers/. `bench/compare.py` runs
// this and the peers side by side and prints ratios.
//
// usage: neuralkit-bench [w1|w2|gemm|all] [--repeats N]
import CBLAS
import Foundation
import NeuralKit

let arguments = CommandLine.arguments.dropFirst()
let workload = arguments.first { !$0.hasPrefix("-") } ?? "all"
let repeats = arguments.firstIndex(of: "--repeats").flatMap { Int(arguments[$0 + 1]) } ?? 5

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

/// Float32 GEMM throughput through the same OpenBLAS the engine uses, for the peak the
/// engine's GFLOP/s are compared with.
func gemm() {
    for (m, k, n) in [(1024, 1024, 1024), (128, 64, 256), (128, 256, 256)] {
        let a = [Float](repeating: 0.5, count: m * k)
        let b = [Float](repeating: 0.25, count: k * n)
        var c = [Float](repeating: 0, count: m * n)
        let flops = 2.0 * Double(m * k * n)
        let iterations = max(3, Int(2e9 / flops))
        var best = Double.infinity
        for _ in 0..<3 {
            let time = seconds {
                for _ in 0..<iterations {
                    cblas_sgemm(
                        CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k), 1, a, Int32(k), b,
                        Int32(n), 0, &c, Int32(n))
                }
            }
            best = min(best, time / Double(iterations))
        }
        emit(["script": "gemm_neuralkit", "shape": "\(m)x\(k)x\(n)", "gflops": flops / best / 1e9])
    }
}

switch workload {
case "w1": w1()
case "gemm": gemm()
default:
    w1()
    gemm()
}
