import Foundation
import Testing

@testable import BookKit

@Suite struct PreviewServerTests {
    static func server() throws -> (PreviewServer, String) {
        let root = try BookLoaderTests.folder(["index.html": "<html><body>hi</body></html>", "style.css": "a{}"])
        return (try PreviewServer(root: root, port: 0), root)
    }

    static func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    @Test func servesFilesWithTheirTypesAndAddsTheReloadScriptToPagesOnly() throws {
        let (server, root) = try Self.server()
        #expect(server.port > 0)
        let page = Self.text(server.respond(to: "GET / HTTP/1.1\r\nHost: x\r\n\r\n"))
        #expect(page.hasPrefix("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8"))
        #expect(page.contains("/__mlbook/version") && page.hasSuffix("</body></html>"))
        #expect(try String(contentsOfFile: root + "/index.html", encoding: .utf8) == "<html><body>hi</body></html>")
        let css = Self.text(server.respond(to: "GET /style.css HTTP/1.1\r\n\r\n"))
        #expect(css.contains("Content-Type: text/css") && css.hasSuffix("a{}"))
    }

    /// A folder is its `index.html`, with or without the trailing slash (DocC's links have none).
    @Test func aFolderIsServedAsItsIndexPage() throws {
        let (server, root) = try Self.server()
        try FileManager.default.createDirectory(atPath: root + "/api/module", withIntermediateDirectories: true)
        try "<html><body>api</body></html>".write(
            toFile: root + "/api/module/index.html", atomically: true, encoding: .utf8)
        for target in ["/api/module", "/api/module/"] {
            let page = Self.text(server.respond(to: "GET \(target) HTTP/1.1\r\n\r\n"))
            #expect(page.hasPrefix("HTTP/1.1 200 OK") && page.contains("api"), "\(target)")
        }
        #expect(Self.text(server.respond(to: "GET /api HTTP/1.1\r\n\r\n")).hasPrefix("HTTP/1.1 404"), "no index.html")
    }

    @Test func neverServesOutsideTheSiteFolder() throws {
        let (server, _) = try Self.server()
        #expect(server.resolve("/../../etc/passwd") == nil)
        #expect(server.resolve("/%2e%2e/%2e%2e/etc/passwd") == nil)
        #expect(Self.text(server.respond(to: "GET /../Package.swift HTTP/1.1\r\n\r\n")).hasPrefix("HTTP/1.1 404"))
        #expect(Self.text(server.respond(to: "POST / HTTP/1.1\r\n\r\n")).hasPrefix("HTTP/1.1 405"))
    }

    @Test func theVersionChangesWhenTheSiteIsRebuilt() throws {
        let (server, _) = try Self.server()
        let before = Self.text(server.respond(to: "GET /__mlbook/version HTTP/1.1\r\n\r\n"))
        server.siteChanged()
        let after = Self.text(server.respond(to: "GET /__mlbook/version HTTP/1.1\r\n\r\n"))
        #expect(before.hasSuffix("\r\n\r\n0") && after.hasSuffix("\r\n\r\n1"))
    }

    /// Requests that are not `METHOD /target HTTP/1.x` and a line break.
    @Test(arguments: [
        "garbage", "GET", "GET /", "GET / HTTP/1.1", "GET /\r\n\r\n", "GET index.html HTTP/1.1\r\n\r\n",
        "GET / HTTP/1.1 extra\r\n\r\n", "get / HTTP/1.1\r\n\r\n", "GET /%00 HTTP/1.1\r\n\r\n", "\u{0}\r\n\r\n",
        "GET / FTP/1.0\r\n\r\n", "\r\n",
    ])
    func malformedRequestsAreAnswered400(request: String) throws {
        let (server, _) = try Self.server()
        #expect(Self.text(server.respond(to: request)).hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
    }

    @Test func symbolicLinksOutOfTheSiteAreNotFollowed() throws {
        let (server, root) = try Self.server()
        let outside = try BookLoaderTests.folder(["secret.html": "<p>secret</p>"])
        try FileManager.default.createSymbolicLink(
            atPath: root + "/leak.html", withDestinationPath: outside + "/secret.html")
        try FileManager.default.createSymbolicLink(atPath: root + "/elsewhere", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: root + "/alias.css", withDestinationPath: "style.css")
        for target in ["/leak.html", "/elsewhere/secret.html", "/elsewhere/"] {
            #expect(Self.text(server.respond(to: "GET \(target) HTTP/1.1\r\n\r\n")).hasPrefix("HTTP/1.1 404"))
        }
        #expect(Self.text(server.respond(to: "GET /alias.css HTTP/1.1\r\n\r\n")).hasSuffix("a{}"))
    }

    @Test func failedAcceptsPauseLongerEachTimeUpToASecond() {
        var backoff = AcceptBackoff()
        let pauses = (0..<10).map { _ in backoff.nextPauseMicroseconds() }
        #expect(pauses.prefix(4) == [10_000, 20_000, 40_000, 80_000] && pauses.last == 1_000_000)
        backoff.reset()
        #expect(backoff.nextPauseMicroseconds() == 10_000)
    }

    /// Over a real socket on 127.0.0.1: idle connections hold at most `maximumConnections`
    /// threads and are closed after `idleTimeout`, after which a request is answered.
    @Test func idleConnectionsTimeOutAndHoldABoundedNumberOfThreads() throws {
        let (server, _) = try Self.server()
        server.idleTimeout = 0.3
        server.maximumConnections = 2
        let serving = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            server.serve()
            serving.signal()
        }
        defer {
            server.stop()
            _ = serving.wait(timeout: .now() + 5)
        }
        let idle = try (0..<5).map { _ in try LocalClient(port: server.port) }
        Thread.sleep(forTimeInterval: 0.1)
        #expect(server.connectionCount <= 2)
        let client = try LocalClient(port: server.port)
        client.send("GET /style.css HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(client.receiveAll(seconds: 5).hasPrefix("HTTP/1.1 200 OK"))
        for connection in idle { #expect(connection.receiveAll(seconds: 5).isEmpty) }
        let malformed = try LocalClient(port: server.port)
        malformed.send("\u{1}\u{2}\r\n\r\n")
        #expect(malformed.receiveAll(seconds: 5).hasPrefix("HTTP/1.1 400"))
    }
}

/// A TCP connection to 127.0.0.1 for the server tests; closed when released.
final class LocalClient {
    let socketDescriptor: Int32

    init(port: UInt16) throws {
        socketDescriptor = socket(AF_INET, Platform.streamSocket, 0)
        var address = Platform.loopbackAddress(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(socketDescriptor)
            throw CocoaError(.fileReadUnknown)
        }
    }

    deinit { close(socketDescriptor) }

    func send(_ text: String) {
        _ = Array(text.utf8).withUnsafeBytes { write(socketDescriptor, $0.baseAddress, $0.count) }
    }

    /// Everything the server sends until it closes the connection (at most `seconds`).
    func receiveAll(seconds: Double) -> String {
        var timeout = timeval(tv_sec: Int(seconds), tv_usec: 0)
        setsockopt(socketDescriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(socketDescriptor, &buffer, buffer.count)
            guard count > 0 else { break }
            received += buffer[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }
}
