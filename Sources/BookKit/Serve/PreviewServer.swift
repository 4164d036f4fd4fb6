import Foundation
import NotebookFormat

/// A small HTTP/1.1 server for `mlbook serve`: serves the built site from one folder on
/// 127.0.0.1 only (never another interface), GET and HEAD only, and tells open pages to
/// reload when the site is rebuilt (a script polls `/__mlbook/version`; pages work without it).
public final class PreviewServer: @unchecked Sendable {
    private let root: String
    private let listener: Int32
    private let lock = NSLock()
    private var version = 0
    /// The port it listens on (chosen by the system when asked for 0).
    public let port: UInt16

    /// Binds 127.0.0.1:`port`.
    public init(root: String, port: UInt16) throws(BookError) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.path
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw BookError(file: root, "cannot open a socket") }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
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

    /// Accepts connections forever, each answered on its own thread.
    public func serve() -> Never {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            Thread.detachNewThread { [self] in
                answer(connection)
                close(connection)
            }
        }
    }

    private func answer(_ connection: Int32) {
        var buffer = [UInt8](repeating: 0, count: 8192)
        let count = read(connection, &buffer, buffer.count)
        guard count > 0 else { return }
        let request = String(decoding: buffer[0..<count], as: UTF8.self)
        writeAll(respond(to: request), to: connection)
    }

    /// The whole HTTP response to a request (head and body).
    func respond(to request: String) -> Data {
        let parts = request.split(separator: "\r\n", maxSplits: 1).first?.split(separator: " ") ?? []
        guard parts.count >= 2, parts[0] == "GET" || parts[0] == "HEAD" else {
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

    /// The file a URL path names inside the site; nil if it would leave the site folder.
    func resolve(_ target: String) -> String? {
        let decoded = target.removingPercentEncoding ?? target
        let relative = decoded.hasSuffix("/") ? decoded + "index.html" : decoded
        let path = URL(fileURLWithPath: root + "/" + relative).standardizedFileURL.path
        guard path == root || path.hasPrefix(root + "/") else { return nil }
        return path
    }

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
