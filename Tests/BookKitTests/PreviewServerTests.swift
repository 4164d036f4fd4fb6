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
}
