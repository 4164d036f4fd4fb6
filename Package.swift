// swift-tools-version: 6.1
// mlbook: a living book whose every number is computed by Swift cells run against NeuralKit.
import PackageDescription

let package = Package(
    name: "mlbook",
    // Linux is tested in CI; macOS 15 (for Synchronization's Atomic and Mutex) is expected to
    // work: the few POSIX differences are behind `canImport(Darwin)` (see BookKit's Platform).
    platforms: [.macOS(.v15)],
    products: [
        // Chapter programs link libNotebook.so alone: SwiftPM links a dynamic product's
        // dependencies into it, so it holds NeuralKit too, and linking libNeuralKit.so as well
        // would give a program two copies of every engine type and of the seeded generator.
        .library(name: "NeuralKit", type: .dynamic, targets: ["NeuralKit"]),
        .library(name: "Notebook", type: .dynamic, targets: ["Notebook"]),
        .library(name: "SVGCharts", targets: ["SVGCharts"]),
        .library(name: "BookKit", targets: ["BookKit"]),
        .executable(name: "mlbook", targets: ["mlbook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCMark", pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]),
        // NeuralKit's own matrix products and elementary functions (C: one function per
        // instruction set, chosen at run time; the same bits on every machine).
        .target(name: "NeuralKitKernels"),
        .target(
            // No unsafe flags, so that other packages can depend on this one: the hot classes'
            // stored properties are `@exclusivity(unchecked)` and hot square roots are
            // `Elementary.squareRoot` (the instruction, without errno) instead.
            name: "NeuralKit", dependencies: ["NeuralKitKernels"]),
        .target(name: "SVGCharts", dependencies: ["NeuralKitKernels", "NotebookFormat"]),
        .target(name: "NotebookFormat"),
        .target(name: "Notebook", dependencies: ["NeuralKit", "SVGCharts", "NotebookFormat"]),
        .target(
            name: "BookKit",
            dependencies: [
                "CCMark", "NotebookFormat", "SVGCharts", .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        .executableTarget(
            name: "mlbook",
            // NeuralKit only to check the engine's environment switches before running chapters.
            dependencies: [
                "BookKit", "NeuralKit", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "neuralkit-bench", dependencies: ["NeuralKit", "NeuralKitKernels"], path: "Benchmarks/NeuralKitBench"),
        // The high-precision (long double) reference the elementary functions are tested against.
        .target(name: "ElementaryReference", path: "Tests/ElementaryReference"),
        .testTarget(
            name: "NeuralKitTests", dependencies: ["NeuralKit", "NeuralKitKernels", "ElementaryReference"],
            exclude: ["Fixtures"]),
        .testTarget(name: "SVGChartsTests", dependencies: ["SVGCharts"], exclude: ["Golden"]),
        .testTarget(name: "BookKitTests", dependencies: ["BookKit", "SVGCharts"], exclude: ["Fixtures"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook", "NotebookFormat", "NeuralKit"]),
    ]
)
