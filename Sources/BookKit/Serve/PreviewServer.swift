import Foundation
import NotebookFormat

/// A small HTTP/1.1 server for `mlbook serve`: serves the built site from one folder on
/// 127.0.0.1 only (never another interface), GET and HEAD only, and tells open pages to
/// reload when the site is rebuilt (a script polls `/__mlbook/version`; pages work without it).
///
/// What it holds is bounded: at most `maximumConnections` connections are answered at once
/// (each on a thread; more wait in the listen queue), a connection that has not sent its
/// request within `idleTimeout` is closed, a failing `accept` (out of descriptors) is
/// retried after a growing pause instead of spinning, a malformed request is answered 400, and
/// no file outside the site folder is served, through `..` or through a symbolic link.
public final class PreviewServer: @unchecked Sendable {
    private let root: String
    /// `root` with its symbolic links resolved: every served file must be inside it.
    private let realRoot: String
    private let listener: Int32
    private let lock = NSLock()
    private var version = 0
    private var stopped = false
    private var openConnections = 0
    /// Connections answered at once; each has a thread.
    public var maximumConnections = 32
    /// Seconds a connection may take to send its request (and to take the answer).
    public var idleTimeout = 10.0
    /// Bytes of a request's head read at most; a request line longer than this is refused.
    static let requestHeadLimit = 8192
    /// The port it listens on (chosen by the system when asked for 0).
    public let port: UInt16

    /// Binds 127.0.0.1:`port`.
    public init(root: String, port: UInt16) throws(BookError) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.path
        realRoot = Self.realPath(self.root) ?? self.root
        let listener = socket(AF_INET, Platform.streamSocket, 0)
        guard listener >= 0 else { throw BookError(file: root, "cannot open a socket") }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = Platform.loopbackAddress(port: port)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(listener, 16) == 0 else {
            close(listener)
            throw BookError(file: root, "cannot listen on 127.0.0.1:\(port) (\(String(cString: strerror(errno))))")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.listener = listener
        self.port = UInt16(bigEndian: actual.sin_port)
    }

    /// Tells open pages that the site changed.
    public func siteChanged() {
        lock.withLock { version += 1 }
    }

    /// Accepts connections until `stop()`, each answered on a thread of its own (at most
    /// `maximumConnections` at once).
    public func serve() {
        let slots = DispatchSemaphore(value: maximumConnections)
        var backoff = AcceptBackoff()
        while !lock.withLock({ stopped }) {
            slots.wait()
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else {
                slots.signal()
                if lock.withLock({ stopped }) { break }
                // Out of descriptors (EMFILE) or a transient error: pause rather than spin.
                usleep(backoff.nextPauseMicroseconds())
                continue
            }
            backoff.reset()
            lock.withLock { openConnections += 1 }
            Thread.detachNewThread { [self] in
                answer(connection)
                close(connection)
                lock.withLock { openConnections -= 1 }
                slots.signal()
            }
        }
    }

    /// Stops accepting connections (`serve()` returns); connections being answered finish.
    public func stop() {
        lock.withLock { stopped = true }
        shutdown(listener, Int32(SHUT_RDWR))
    }

    /// Connections being answered now.
    var connectionCount: Int { lock.withLock { openConnections } }

    private func answer(_ connection: Int32) {
        var timeout = timeval(
            tv_sec: Int(idleTimeout), tv_usec: Int(idleTimeout.truncatingRemainder(dividingBy: 1) * 1e6))
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let head = readRequestHead(connection) else { return }
        writeAll(respond(to: String(decoding: head, as: UTF8.self)), to: connection)
    }

    /// The request's head, up to the blank line that ends it (read whole, so closing the
    /// connection after answering never resets it under unread bytes), or nil when the
    /// client closed or fell silent first. Reads at most `requestHeadLimit` bytes, each once.
    private func readRequestHead(_ connection: Int32) -> [UInt8]? {
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(idleTimeout)
        while head.count < Self.requestHeadLimit, Date() < deadline {
            let count = read(connection, &buffer, min(buffer.count, Self.requestHeadLimit - head.count))
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            let searchFrom = max(0, head.count - 3)
            head += buffer[0..<count]
            if Self.endsHead(head[searchFrom...]) { return head }
        }
        // A request line without the rest of its head is still answered (400 if malformed).
        return head.contains(0x0A) || head.count >= Self.requestHeadLimit ? head : nil
    }

    /// Whether `bytes` hold the blank line that ends a request head (`\n\n` or `\n\r\n`).
    private static func endsHead(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        while let newline = bytes[index...].firstIndex(of: 0x0A) {
            let next = bytes.index(after: newline)
            if next < bytes.endIndex, bytes[next] == 0x0A { return true }
            if next + 1 < bytes.endIndex, bytes[next] == 0x0D, bytes[next + 1] == 0x0A { return true }
            index = next
        }
        return false
    }

    /// The whole HTTP response to a request (head and body).
    func respond(to request: String) -> Data {
        // The request line, `METHOD /target HTTP/1.x`, ends with a line break.
        guard request.utf8.contains(0x0A) else { return Self.badRequest }
        var lineBytes = Array(request.utf8.prefix { $0 != 0x0A })
        if lineBytes.last == 0x0D { lineBytes.removeLast() }
        let requestLine = String(decoding: lineBytes, as: UTF8.self)
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1."), parts[1].hasPrefix("/"),
            !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && $0.isUppercase }),
            parts[1].removingPercentEncoding?.contains("\0") == false
        else { return Self.badRequest }
        guard parts[0] == "GET" || parts[0] == "HEAD" else {
            return Self.response(status: "405 Method Not Allowed", type: "text/plain", body: Data("GET only\n".utf8))
        }
        let target = String(parts[1].split(separator: "?").first ?? "/")
        if target == "/__mlbook/version" {
            return Self.response(status: "200 OK", type: "text/plain", body: Data("\(lock.withLock { version })".utf8))
        }
        guard let file = resolve(target), var body = FileManager.default.contents(atPath: file) else {
            return Self.response(status: "404 Not Found", type: "text/plain", body: Data("not found\n".utf8))
        }
        let type = Self.contentType(file)
        if type.hasPrefix("text/html") { body = Self.addingReload(to: body) }
        return Self.response(status: "200 OK", type: type, body: parts[0] == "HEAD" ? Data() : body)
    }

    /// The file a URL path names inside the site — a folder's `index.html` for a folder, with
    /// or without the trailing slash (DocC's deep links have none); nil if it would leave the
    /// site folder, by `..` or by a symbolic link that points out of it (links within it are
    /// followed).
    func resolve(_ target: String) -> String? {
        guard let decoded = target.removingPercentEncoding, !decoded.contains("\0") else { return nil }
        var path = URL(fileURLWithPath: root + "/" + decoded).standardizedFileURL.path
        guard path == root || path.hasPrefix(root + "/") else { return nil }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            path += "/index.html"
        }
        guard let real = Self.realPath(path), real == realRoot || real.hasPrefix(realRoot + "/") else { return nil }
        return real
    }

    /// `path` with every symbolic link resolved, or nil if it does not exist.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static let badRequest = response(
        status: "400 Bad Request", type: "text/plain", body: Data("bad request\n".utf8))

    private static func response(status: String, type: String, body: Data) -> Data {
        var head = "HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\n"
        head += "Cache-Control: no-store\r\nConnection: close\r\n\r\n"
        return Data(head.utf8) + body
    }

    private static func contentType(_ path: String) -> String {
        switch URL(fileURLWithPath: path).pathExtension {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "json": "application/json"
        case "png": "image/png"
        case "woff2": "font/woff2"
        case "otf": "font/otf"
        default: "application/octet-stream"
        }
    }

    /// The live-reload script, added to pages only as they are served (never to the files).
    private static func addingReload(to page: Data) -> Data {
        let script = """
            <script>(function(){var v=null;setInterval(function(){fetch('/__mlbook/version').then(function(r){return r.text()})\
            .then(function(t){if(v!==null&&t!==v)location.reload();v=t}).catch(function(){})},1000)})();</script>
            """
        let html = String(decoding: page, as: UTF8.self)
        return Data(html.replacingOccurrences(of: "</body>", with: script + "</body>").utf8)
    }
}

/// Pauses between failed `accept` calls: 10 ms, doubling to at most a second, until one succeeds.
struct AcceptBackoff {
    private var pause: useconds_t = 0

    mutating func nextPauseMicroseconds() -> useconds_t {
        pause = pause == 0 ? 10_000 : min(pause * 2, 1_000_000)
        return pause
    }

    mutating func reset() { pause = 0 }
}
