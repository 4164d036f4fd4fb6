import Foundation

/// The site's only JavaScript, an enhancement that pages never need to be read: copy buttons
/// on code cells and an offline search over every chapter's text. The index is a script file
/// (`search-index.js`), not JSON fetched at run time, so search also works from `file://`.
/// Matching is by substring, which suits Chinese (no word boundaries to split on).
enum SiteScript {
    /// One searchable section: a chapter page, a heading anchor and its text.
    struct Entry: Encodable {
        var page: String
        var anchor: String
        var title: String
        var text: String
    }

    /// Splits a rendered chapter into sections at its `<h2>`–`<h4>` headings.
    static func entries(page: String, chapterTitle: String, html: String, headings: [Heading]) -> [Entry] {
        var entries: [Entry] = []
        var rest = html[...]
        var current = (anchor: "", title: chapterTitle)
        for heading in headings {
            guard let marker = rest.range(of: "id=\"\(escapeHTML(heading.id))\"") else { continue }
            let before = rest[..<marker.lowerBound]
            entries.append(
                Entry(page: page, anchor: current.anchor, title: current.title, text: searchable(String(before))))
            current = (heading.id, heading.text)
            rest = rest[marker.upperBound...]
        }
        entries.append(Entry(page: page, anchor: current.anchor, title: current.title, text: searchable(String(rest))))
        return entries.filter { !$0.text.isEmpty }
    }

    /// `search-index.js`: the entries as a global the search script reads.
    static func index(_ entries: [Entry]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(entries)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        return "window.MLBOOK_SEARCH = \(json);\n"
    }

    /// Visible text only: no SVG (chart internals), no tags, collapsed whitespace.
    private static func searchable(_ html: String) -> String {
        let withoutCharts = html.replacingOccurrences(
            of: "<svg[\\s\\S]*?</svg>", with: " ", options: .regularExpression)
        let withoutMath = withoutCharts.replacingOccurrences(
            of: "<annotation[\\s\\S]*?</annotation>", with: " ", options: .regularExpression)
        let text = PageStructure.plainText(withoutMath)
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `mlbook.js`: copy buttons and the search box.
    static let javaScript = """
        (function () {
          "use strict";
          document.querySelectorAll("pre.code").forEach(function (block) {
            var button = document.createElement("button");
            button.className = "copy";
            button.type = "button";
            button.textContent = "复制";
            button.addEventListener("click", function () {
              navigator.clipboard.writeText(block.innerText).then(function () {
                button.textContent = "已复制";
                setTimeout(function () { button.textContent = "复制"; }, 1500);
              });
            });
            block.appendChild(button);
          });
          var box = document.getElementById("search");
          var list = document.getElementById("search-results");
          if (!box || !list || !window.MLBOOK_SEARCH) { return; }
          box.hidden = false;
          box.addEventListener("input", function () {
            var query = box.value.trim().toLowerCase();
            list.textContent = "";
            if (query.length < 1) { return; }
            window.MLBOOK_SEARCH.filter(function (entry) {
              return entry.text.toLowerCase().indexOf(query) >= 0 || entry.title.toLowerCase().indexOf(query) >= 0;
            }).slice(0, 12).forEach(function (entry) {
              var at = entry.text.toLowerCase().indexOf(query);
              var snippet = at < 0 ? "" : entry.text.slice(Math.max(0, at - 20), at + query.length + 30);
              var item = document.createElement("li");
              var link = document.createElement("a");
              link.href = entry.page + (entry.anchor ? "#" + entry.anchor : "");
              link.textContent = entry.title;
              item.appendChild(link);
              if (snippet) {
                var context = document.createElement("small");
                context.textContent = "…" + snippet + "…";
                item.appendChild(context);
              }
              list.appendChild(item);
            });
          });
        })();

        """
}
