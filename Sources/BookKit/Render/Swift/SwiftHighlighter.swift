import SVGCharts

/// Highlights Swift source as HTML: escaped text with `<span class="…">` around tokens.
///
/// Hand-written on purpose: swift-syntax's `SwiftIDEUtils` would classify every token
/// exactly, but building it in release takes about 260 s and 3 GB of memory on the build
/// machine, and CI builds from scratch on every run. A lexer that follows the grammar's
/// lexical structure (`SwiftTokenizer`: raw strings, regex literals, interpolations to any
/// depth, contextual keywords in keyword position) agrees with swift-syntax on keywords,
/// literals and comments. The classes, their raw values, are listed in `SwiftTokenClass`:
/// `kw`, `ty`, `fn`, `str` (strings and regex literals), `num`, `com`, `attr`, `dir`;
/// operators and punctuation stay plain.
///
/// The output is a function of the input alone, spans are never nested, and the text of the
/// HTML, unescaped, is the input exactly, malformed code included:
///
/// ```swift
/// SwiftHighlighter.html("let x = f(\"a\")")
/// // <span class="kw">let</span> x = <span class="fn">f</span>(<span class="str">&quot;a&quot;</span>)
/// ```
///
/// An interpolation's code is highlighted as code: the string's spans stop at `\(` and start
/// again at its closing `)`.
enum SwiftHighlighter {
    /// `code` as HTML: escaped, with a span around each token and adjacent tokens of one class
    /// in a single span.
    static func html(_ code: String) -> String {
        let scalars = Array(code.unicodeScalars)
        var html = ""
        html.reserveCapacity(code.utf8.count * 2)
        var plainStart = 0
        for token in merged(SwiftTokenizer.tokens(in: scalars)) {
            html += text(scalars[plainStart..<token.range.lowerBound])
            html += "<span class=\"\(token.tokenClass.rawValue)\">\(text(scalars[token.range]))</span>"
            plainStart = token.range.upperBound
        }
        return html + text(scalars[plainStart...])
    }

    /// `tokens` with each run of adjacent tokens of one class joined, as in `"\()"`.
    private static func merged(_ tokens: [SwiftToken]) -> [SwiftToken] {
        var runs: [SwiftToken] = []
        for token in tokens {
            if let last = runs.last, last.tokenClass == token.tokenClass,
                last.range.upperBound == token.range.lowerBound
            {
                runs[runs.count - 1] = SwiftToken(
                    tokenClass: last.tokenClass, range: last.range.lowerBound..<token.range.upperBound)
            } else {
                runs.append(token)
            }
        }
        return runs
    }

    /// Scalars as escaped HTML text.
    private static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        escapeMarkup(String(String.UnicodeScalarView(scalars)))
    }

    /// The token colors, for the site's stylesheet: CSS variables `--hl-…` for light and
    /// dark themes, each at least 4.5:1 (WCAG AA) against the code panel, `#f5f5f7` light
    /// and `#232326` dark (`SwiftHighlighterTests` computes the ratios). Spans are styled
    /// only inside `code`, so the short class names cannot reach other elements.
    static let css = """
        :root {
          --hl-keyword: #9b2393; --hl-type: #0b4f79; --hl-function: #326d74; --hl-string: #c41a16;
          --hl-number: #1c00cf; --hl-comment: #5d6c79; --hl-attribute: #815f03; --hl-directive: #643820;
        }
        @media screen and (prefers-color-scheme: dark) {
          :root {
            --hl-keyword: #fc5fa3; --hl-type: #5dd8ff; --hl-function: #67b7a4; --hl-string: #fc6a5d;
            --hl-number: #d0bf69; --hl-comment: #8d99a5; --hl-attribute: #d19a66; --hl-directive: #fd8f3f;
          }
        }
        code .kw { color: var(--hl-keyword); }
        code .ty { color: var(--hl-type); }
        code .fn { color: var(--hl-function); }
        code .str { color: var(--hl-string); }
        code .num { color: var(--hl-number); }
        code .com { color: var(--hl-comment); }
        code .attr { color: var(--hl-attribute); }
        code .dir { color: var(--hl-directive); }

        """
}
