// swift-tools-version: 6.1
// A package that uses mlbook's engine the way another project would: as a versioned
// dependency on its git repository. SwiftPM refuses such a dependency if its manifest has
// unsafe flags, so building this package proves NeuralKit can be depended on.
//
// `make downstream` makes a throwaway git repository of the current tree, tags it 0.0.1, and
// names it in MLBOOK_PACKAGE_URL by a remote-looking URL that git maps to it (SwiftPM lets
// `file://` dependencies have unsafe flags); another project names mlbook's published URL.
import PackageDescription

let source = Context.environment["MLBOOK_PACKAGE_URL"] ?? "https://github.com/mlbook/mlbook"

let package = Package(
    name: "Downstream",
    platforms: [.macOS(.v15)],
    dependencies: [.package(url: source, exact: "0.0.1")],
    targets: [
        .executableTarget(
            name: "TrainArticleModel", dependencies: [.product(name: "NeuralKit", package: "mlbook")])
    ]
)
