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

    /// A chapter's entries, one per section, from its Markdown and results (`SearchText`):
    /// the page's own headings give the anchors, so a result opens at its section.
    static func entries(chapter: Chapter, result: ChapterResult, headings: [Heading]) -> [Entry] {
        let anchored = headings.filter { (2...4).contains($0.level) }
        return SearchText.sections(chapter, result: result).map { section in
            let anchor = section.headingIndex.flatMap { anchored[safe: $0]?.id } ?? ""
            return Entry(page: chapter.pageHref, anchor: anchor, title: section.title, text: section.text)
        }.filter { !$0.text.isEmpty || !$0.anchor.isEmpty }
    }

    /// `search-index.js`: the entries as a global the search script reads.
    static func index(_ entries: [Entry]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(entries)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        return "window.MLBOOK_SEARCH = \(json);\n"
    }

    /// `mlbook.js`: copy buttons (they copy the `code` element's text, never their own label),
    /// the outline's mark on the section being read, and the search box: every word of the query must occur; sections whose heading matches
    /// come first; all results are counted and shown ten at a time, the matches marked.
    static let javaScript = """
        (function () {
          "use strict";
          var TEXT = {
            zh: { copy: "复制", copied: "已复制", none: "没有找到", count: function (n) { return "共 " + n + " 条结果"; },
                  more: function (n) { return "再显示 " + n + " 条"; } },
            en: { copy: "Copy", copied: "Copied", none: "No results for", count: function (n) { return n + (n === 1 ? " result" : " results"); },
                  more: function (n) { return "Show " + n + " more"; } }
          };
          var text = (document.documentElement.lang || "").toLowerCase().indexOf("zh") === 0 ? TEXT.zh : TEXT.en;

          function copyText(value) {
            if (navigator.clipboard && window.isSecureContext) { return navigator.clipboard.writeText(value); }
            return new Promise(function (resolve, reject) {
              var area = document.createElement("textarea");
              area.value = value;
              area.setAttribute("readonly", "");
              area.style.position = "fixed";
              area.style.opacity = "0";
              document.body.appendChild(area);
              area.select();
              var done = document.execCommand("copy");
              document.body.removeChild(area);
              if (done) { resolve(); } else { reject(new Error("copy refused")); }
            });
          }
          document.querySelectorAll(".code-block").forEach(function (block) {
            var code = block.querySelector("pre code") || block.querySelector("pre");
            if (!code) { return; }
            var button = document.createElement("button");
            button.className = "copy";
            button.type = "button";
            button.textContent = text.copy;
            button.addEventListener("click", function () {
              copyText(code.textContent).then(function () {
                button.textContent = text.copied;
                setTimeout(function () { button.textContent = text.copy; }, 1500);
              }, function () {});
            });
            block.appendChild(button);
          });

          // The outline marks the section being read: the last one whose heading has scrolled
          // to the top of the window. The sidebar is sticky (CSS), so the mark stays in view.
          var outlineLinks = Array.prototype.slice.call(document.querySelectorAll(".outline a"));
          var sections = outlineLinks.map(function (link) {
            return document.getElementById(decodeURIComponent(link.hash.slice(1)));
          });
          var sidebar = document.querySelector(".sidebar"), active = null;
          function markCurrentSection() {
            var current = null;
            for (var i = 0; i < sections.length; i++) {
              if (!sections[i]) { continue; }
              if (sections[i].getBoundingClientRect().top > 96) { break; }
              current = outlineLinks[i];
            }
            if (current === active) { return; }
            if (active) { active.classList.remove("active"); active.removeAttribute("aria-current"); }
            active = current;
            if (!current) { return; }
            current.classList.add("active");
            current.setAttribute("aria-current", "location");
            var frame = sidebar.getBoundingClientRect(), place = current.getBoundingClientRect();
            if (place.top < frame.top || place.bottom > frame.bottom) {
              sidebar.scrollTop += place.top - frame.top - frame.height / 2;
            }
          }
          if (outlineLinks.length && sidebar) {
            window.addEventListener("scroll", markCurrentSection, { passive: true });
            markCurrentSection();
          }

          var box = document.getElementById("search");
          var list = document.getElementById("search-results");
          var status = document.getElementById("search-status");
          if (!box || !list || !window.MLBOOK_SEARCH) { return; }
          box.hidden = false;
          // Case and width folded character by character, keeping every position, so a match in
          // the folded text marks the same characters of the original.
          function fold(value) {
            return value.split("").map(function (c) {
              var folded = c.normalize("NFKC").toLowerCase();
              return folded.length === 1 ? folded : c;
            }).join("");
          }
          var entries = window.MLBOOK_SEARCH.map(function (entry, order) {
            return { entry: entry, order: order, title: fold(entry.title), text: fold(entry.text) };
          });
          function score(item, phrase, words) {
            var haystack = item.title + " " + item.text;
            for (var i = 0; i < words.length; i++) { if (haystack.indexOf(words[i]) < 0) { return 0; } }
            var inTitle = words.every(function (word) { return item.title.indexOf(word) >= 0; });
            return (item.title.indexOf(phrase) >= 0 ? 8 : 0) + (inTitle ? 4 : 0) + (item.text.indexOf(phrase) >= 0 ? 2 : 0) + 1;
          }
          // Appends `value` to `parent` with every occurrence of the words in <mark>.
          function appendMarked(parent, value, words) {
            var folded = fold(value);
            var at = 0;
            while (at < value.length) {
              var next = -1, length = 0;
              words.forEach(function (word) {
                var found = folded.indexOf(word, at);
                if (found >= 0 && (next < 0 || found < next)) { next = found; length = word.length; }
              });
              if (next < 0) { parent.appendChild(document.createTextNode(value.slice(at))); return; }
              parent.appendChild(document.createTextNode(value.slice(at, next)));
              var mark = document.createElement("mark");
              mark.textContent = value.slice(next, next + length);
              parent.appendChild(mark);
              at = next + length;
            }
          }
          var results = [], shown = 0, words = [];
          function showMore() {
            var more = list.querySelector("li.more");
            if (more) { list.removeChild(more); }
            results.slice(shown, shown + 10).forEach(function (result) {
              var entry = result.entry;
              var item = document.createElement("li");
              var link = document.createElement("a");
              link.href = entry.page + (entry.anchor ? "#" + entry.anchor : "");
              appendMarked(link, entry.title, words);
              item.appendChild(link);
              var at = fold(entry.text).indexOf(words[0]);
              if (at >= 0) {
                var context = document.createElement("small");
                var start = Math.max(0, at - 24);
                appendMarked(context, (start > 0 ? "…" : "") + entry.text.slice(start, at + 60) + "…", words);
                item.appendChild(context);
              }
              list.appendChild(item);
            });
            shown = Math.min(results.length, shown + 10);
            if (shown < results.length) {
              var moreItem = document.createElement("li");
              moreItem.className = "more";
              var button = document.createElement("button");
              button.type = "button";
              button.textContent = text.more(Math.min(10, results.length - shown));
              button.addEventListener("click", showMore);
              moreItem.appendChild(button);
              list.appendChild(moreItem);
            }
          }
          box.addEventListener("input", function () {
            var phrase = fold(box.value.trim());
            list.textContent = "";
            status.textContent = "";
            words = phrase.split(/\\s+/).filter(function (word) { return word.length > 0; });
            if (words.length === 0) { return; }
            results = entries.map(function (item) { return { entry: item.entry, order: item.order, score: score(item, phrase, words) }; })
              .filter(function (result) { return result.score > 0; })
              .sort(function (a, b) { return b.score - a.score || a.order - b.order; });
            shown = 0;
            status.textContent = results.length === 0 ? text.none + " “" + box.value.trim() + "”" : text.count(results.length);
            showMore();
          });
        })();

        """
}
