import Foundation
import Testing

@testable import BookKit

@Suite struct SwiftHighlighterTests {
    // MARK: Exact output, written by hand

    @Test(arguments: [
        ("let x = 1", #"<span class="kw">let</span> x = <span class="num">1</span>"#),
        (
            "func train(epochs: Int) -> Float {}",
            #"<span class="kw">func</span> <span class="fn">train</span>(epochs: <span class="ty">Int</span>) -&gt; <span class="ty">Float</span> {}"#
        ),
        ("model.fit(x, y)", #"model.<span class="fn">fit</span>(x, y)"#),
        (
            "Dense(1, inputSize: 1)",
            #"<span class="ty">Dense</span>(<span class="num">1</span>, inputSize: <span class="num">1</span>)"#
        ),
        ("a && b < c", "a &amp;&amp; b &lt; c"),
        ("let 损失 = 0", #"<span class="kw">let</span> 损失 = <span class="num">0</span>"#),
        ("计算(x)", #"<span class="fn">计算</span>(x)"#),
        ("xs.map { $0 * 2 }", #"xs.map { $0 * <span class="num">2</span> }"#),
    ])
    func plainCodeKeywordsTypesAndCalls(code: String, html: String) {
        #expect(SwiftHighlighter.html(code) == html)
    }

    @Test(arguments: [
        ("try await x", #"<span class="kw">try</span> <span class="kw">await</span> x"#),
        ("some View", #"<span class="kw">some</span> <span class="ty">View</span>"#),
        ("x.default", "x.default"),
        ("Int.self", #"<span class="ty">Int</span>.<span class="kw">self</span>"#),
        ("super.init()", #"<span class="kw">super</span>.<span class="kw">init</span>()"#),
        ("f(in: a)", #"<span class="fn">f</span>(in: a)"#),
        ("g(a, for: b)", #"<span class="fn">g</span>(a, for: b)"#),
        ("default:", #"<span class="kw">default</span>:"#),
        ("xs.prefix(3)", #"xs.<span class="fn">prefix</span>(<span class="num">3</span>)"#),
        (
            "private(set) var x",
            #"<span class="kw">private</span>(<span class="kw">set</span>) <span class="kw">var</span> x"#
        ),
        ("func open()", #"<span class="kw">func</span> <span class="fn">open</span>()"#),
        ("`default` = 1", #"`default` = <span class="num">1</span>"#),
        (
            "case .some(let y)",
            #"<span class="kw">case</span> .<span class="fn">some</span>(<span class="kw">let</span> y)"#
        ),
        (
            "for x in xs where x > 0 {}",
            #"<span class="kw">for</span> x <span class="kw">in</span> xs <span class="kw">where</span> x &gt; <span class="num">0</span> {}"#
        ),
    ])
    func keywordsDependOnWhereTheyStand(code: String, html: String) {
        #expect(SwiftHighlighter.html(code) == html)
    }

    @Test(arguments: [
        (#"let prefix = "ab""#, #"<span class="kw">let</span> prefix = <span class="str">&quot;ab&quot;</span>"#),
        ("set.insert(1)", #"set.<span class="fn">insert</span>(<span class="num">1</span>)"#),
        ("var set: [Int]", #"<span class="kw">var</span> set: [<span class="ty">Int</span>]"#),
        ("optional[0]", #"optional[<span class="num">0</span>]"#),
        ("{ get set }", #"{ <span class="kw">get</span> <span class="kw">set</span> }"#),
        (
            "prefix func -(v: V)",
            #"<span class="kw">prefix</span> <span class="kw">func</span> -(v: <span class="ty">V</span>)"#
        ),
        (
            "async let y = f()",
            #"<span class="kw">async</span> <span class="kw">let</span> y = <span class="fn">f</span>()"#
        ),
        (
            "lazy var a = 1",
            #"<span class="kw">lazy</span> <span class="kw">var</span> a = <span class="num">1</span>"#
        ),
    ])
    func contextualKeywordsUsedAsNamesArePlain(code: String, html: String) {
        #expect(SwiftHighlighter.html(code) == html)
    }

    @Test(arguments: [
        "1", "1_000", "3.14", "1e-7", "2.5E+3", "0xFF", "0x1p-24", "0x1.8p3", "0b1010", "0o17",
    ])
    func numbersAreOneToken(number: String) {
        #expect(SwiftHighlighter.html(number) == #"<span class="num">\#(number)</span>"#)
    }

    @Test(arguments: [
        ("t.0.1", #"t.<span class="num">0</span>.<span class="num">1</span>"#),
        ("0xff.description", #"<span class="num">0xff</span>.description"#),
        ("1...10", #"<span class="num">1</span>...<span class="num">10</span>"#),
        ("1.description", #"<span class="num">1</span>.description"#),
        ("-0.5", #"-<span class="num">0.5</span>"#),
    ])
    func numbersStopWhereSwiftStopsThem(code: String, html: String) {
        #expect(SwiftHighlighter.html(code) == html)
    }

    @Test(arguments: [
        ("// 注释 <b>", #"<span class="com">// 注释 &lt;b&gt;</span>"#),
        ("/// Doc.\nlet a", "<span class=\"com\">/// Doc.</span>\n<span class=\"kw\">let</span> a"),
        (
            "//| echo: false\nlet a = 1",
            "<span class=\"com\">//| echo: false</span>\n<span class=\"kw\">let</span> a = <span class=\"num\">1</span>"
        ),
        ("/* a /* b */ c */ d", #"<span class="com">/* a /* b */ c */</span> d"#),
        ("x /* 1 */ + y // z", #"x <span class="com">/* 1 */</span> + y <span class="com">// z</span>"#),
    ])
    func comments(code: String, html: String) {
        #expect(SwiftHighlighter.html(code) == html)
    }

    @Test(arguments: [
        (
            "@discardableResult func f()",
            #"<span class="attr">@discardableResult</span> <span class="kw">func</span> <span class="fn">f</span>()"#
        ),
        ("@MainActor", #"<span class="attr">@MainActor</span>"#),
        (
            "@resultBuilder struct LayerBuilder {}",
            #"<span class="attr">@resultBuilder</span> <span class="kw">struct</span> <span class="ty">LayerBuilder</span> {}"#
        ),
        ("@Published var x", #"<span class="attr">@Published</span> <span class="kw">var</span> x"#),
        (
            "@available(macOS 14, *)",
            #"<span class="attr">@available</span>(macOS <span class="num">14</span>, *)"#
        ),
        ("a @ b", "a @ b"),
    ])
    func attributes(code: String, html: String) {
        #expect(SwiftHighlighter.html(code) == html)
    }

    @Test(arguments: [
        (
            "#if DEBUG\n#endif",
            "<span class=\"dir\">#if</span> <span class=\"ty\">DEBUG</span>\n<span class=\"dir\">#endif</span>"
        ),
        (
            #"#sourceLocation(file: "a.md", line: 3)"#,
            #"<span class="dir">#sourceLocation</span>(file: <span class="str">&quot;a.md&quot;</span>, line: <span class="num">3</span>)"#
        ),
        ("print(#file)", #"<span class="fn">print</span>(<span class="dir">#file</span>)"#),
        ("# 1", #"# <span class="num">1</span>"#),
    ])
    func directives(code: String, html: String) {
        #expect(SwiftHighlighter.html(code) == html)
    }

    // MARK: Strings

    @Test(arguments: [
        (#""a < b""#, #"<span class="str">&quot;a &lt; b&quot;</span>"#),
        (#""say \"hi\"" + s"#, #"<span class="str">&quot;say \&quot;hi\&quot;&quot;</span> + s"#),
        (#""\\" + s"#, #"<span class="str">&quot;\\&quot;</span> + s"#),
        ("\"\" + s", #"<span class="str">&quot;&quot;</span> + s"#),
        (
            #""损失：\(history.finalLoss)""#,
            #"<span class="str">&quot;损失：\(</span>history.finalLoss<span class="str">)&quot;</span>"#
        ),
        (#""\()""#, #"<span class="str">&quot;\()&quot;</span>"#),
    ])
    func singleLineStrings(code: String, html: String) {
        #expect(SwiftHighlighter.html(code) == html)
    }

    @Test func interpolationsNestStringsAndCalls() {
        let html = SwiftHighlighter.html(#""a \(b("c \(d)")) e""#)
        let expected =
            #"<span class="str">&quot;a \(</span><span class="fn">b</span>(<span class="str">&quot;c \(</span>d"#
            + #"<span class="str">)&quot;</span>)<span class="str">) e&quot;</span>"#
        #expect(html == expected)
    }

    @Test func interpolationsKeepTheirParenthesesAndComments() {
        let html = SwiftHighlighter.html(#""\(f((1 + 2)) /* ) */)!""#)
        let expected =
            #"<span class="str">&quot;\(</span><span class="fn">f</span>((<span class="num">1</span> + "#
            + #"<span class="num">2</span>)) <span class="com">/* ) */</span><span class="str">)!&quot;</span>"#
        #expect(html == expected)
    }

    @Test(arguments: [
        (##"#"say "hi" \n"#"##, ##"<span class="str">#&quot;say &quot;hi&quot; \n&quot;#</span>"##),
        (
            ##"#"a \(b) \#(c)"#"##,
            ##"<span class="str">#&quot;a \(b) \#(</span>c<span class="str">)&quot;#</span>"##
        ),
        (
            ###"##"a"#b"## + 1"###,
            ###"<span class="str">##&quot;a&quot;#b&quot;##</span> + <span class="num">1</span>"###
        ),
        (##"#"\"#"##, ##"<span class="str">#&quot;\&quot;#</span>"##),
    ])
    func rawStrings(code: String, html: String) {
        #expect(SwiftHighlighter.html(code) == html)
    }

    @Test(arguments: [
        (
            "let s = \"\"\"\n  line \"one\" \\(x)\n  \"\"\"\nlet t",
            "<span class=\"kw\">let</span> s = <span class=\"str\">&quot;&quot;&quot;\n  line &quot;one&quot; \\(</span>x"
                + "<span class=\"str\">)\n  &quot;&quot;&quot;</span>\n<span class=\"kw\">let</span> t"
        ),
        (
            "#\"\"\"\n\"\"\" \\#(a)\n\"\"\"#",
            "<span class=\"str\">#&quot;&quot;&quot;\n&quot;&quot;&quot; \\#(</span>a<span class=\"str\">)\n&quot;&quot;&quot;#</span>"
        ),
        (
            "\"\"\"\n\\(f(\n  1))\n\"\"\"",
            "<span class=\"str\">&quot;&quot;&quot;\n\\(</span><span class=\"fn\">f</span>(\n  <span class=\"num\">1</span>)"
                + "<span class=\"str\">)\n&quot;&quot;&quot;</span>"
        ),
    ])
    func multiLineStrings(code: String, html: String) {
        #expect(SwiftHighlighter.html(code) == html)
    }

    // MARK: Malformed code

    @Test(arguments: [
        (#"print("abc"#, #"<span class="fn">print</span>(<span class="str">&quot;abc</span>"#),
        ("\"abc\nlet x", "<span class=\"str\">&quot;abc</span>\n<span class=\"kw\">let</span> x"),
        ("\"abc\\\nlet x", "<span class=\"str\">&quot;abc\\</span>\n<span class=\"kw\">let</span> x"),
        ("\"\"\"\nabc\nlet", "<span class=\"str\">&quot;&quot;&quot;\nabc\nlet</span>"),
        (##"#"abc""##, ##"<span class="str">#&quot;abc&quot;</span>"##),
        (#""a \(b"#, #"<span class="str">&quot;a \(</span>b"#),
        ("\"a \\(b\nlet", "<span class=\"str\">&quot;a \\(</span>b\n<span class=\"kw\">let</span>"),
        ("/* a /* b */ c", #"<span class="com">/* a /* b */ c</span>"#),
        ("x */ y", "x */ y"),
        ("`abc", "`abc"),
    ])
    func unterminatedTokensEndWhereTheCompilerEndsThem(code: String, html: String) {
        #expect(SwiftHighlighter.html(code) == html)
    }

    // MARK: Properties

    /// Realistic cells, and the text that tends to fool a highlighter.
    static let snippets = [
        "let model = Sequential { Dense(1, inputSize: 1) }",
        "model.compile(optimizer: Adam(learningRate: 0.01), loss: MeanSquaredError())",
        #"print("损失：\(history.finalLoss)")"#,
        "//| echo: false\n//| caption: 损失曲线\nlet history = model.fit(x, y, epochs: 100, verbose: false)",
        "import NeuralKit\n\nlet x = Tensor([[1], [2], [3]])\nlet y = 2 * x + 1",
        "/// The mean.\n@discardableResult\nfunc mean(_ xs: [Float]) -> Float {\n    xs.reduce(0, +) / Float(xs.count)\n}",
        "struct Point: Equatable {\n    var x = 0.0, y = 0.0\n    mutating func move(by d: Double) { x += d }\n}",
        "enum Reduction { case mean, sum, none }\nswitch r {\ncase .mean: break\ndefault: fatalError(\"不会发生\")\n}",
        "let table = \"\"\"\n| a | b |\n| \\(a) | \\(b, format: \"%.2f\") |\n\"\"\"",
        ##"let pattern = #"\d+ "quoted" \#(n)"#"##,
        "for (i, w) in weights.enumerated() where w.magnitude > 1e-7 {\n    print(i, w, separator: \"\\t\")\n}",
        "let mask: UInt32 = 0xFF_FF & 0b1010 | 0o17\nlet tiny = 0x1p-24",
        "#if canImport(Glibc)\nimport Glibc\n#else\nimport Darwin\n#endif",
        "@MainActor final class Trainer {\n    @Published private(set) var loss: Float?\n    weak var delegate: (any TrainerDelegate)?\n}",
        "/* outer /* inner */ still outer */ let done = true",
        "guard let value = try? decoder.decode([String: Int].self, from: data) else { return nil }",
        "let closure: (Int) async throws -> Int = { [weak self] n in try await self?.step(n) ?? 0 }",
        #"let html = "<p class=\"a\">&amp;</p>""#,
        "expect(accuracy > 0.9, \"准确率：\\(accuracy, format: .percent)\")",
        "let s = \"a \\(b(\"c \\(d(\"e\"))\")) f\" // \"quoted\" 注释",
        "precedencegroup Power { associativity: right higherThan: MultiplicationPrecedence }\ninfix operator **: Power",
        "let crlf = \"a\"\r\nlet b = 1\r\n",
        "let flag = \"🇨🇳\" + e\u{301} + \"\\u{301}\"",
        "let a = \"\"\"\n\"\"\"",
        ##"let quote = #"""#; let words = text.split(separator: /\s+/)"##,
        "let date = #/\n  (?<year>\\d{4}) - (?<month>\\d{2})  # ISO\n/#\nlet ratio = (a + b) / 2 / count",
        "var value: T {\n  _read { yield storage }\n  _modify { yield &storage }\n}\nlet moved = consume value",
    ]

    /// Each snippet, every prefix of it (malformed code), and the same cut in the middle.
    static var corpus: [String] {
        snippets.flatMap { snippet in
            let scalars = Array(snippet.unicodeScalars)
            return (0...scalars.count).flatMap { cut in
                [
                    String(String.UnicodeScalarView(scalars[..<cut])),
                    String(String.UnicodeScalarView(scalars[cut...])),
                ]
            }
        }
    }

    @Test(arguments: snippets)
    func textOfTheHTMLIsTheInput(snippet: String) {
        let html = SwiftHighlighter.html(snippet)
        #expect(Self.spansAreFlatAndBalanced(html), "\(html)")
        #expect(Self.textIsEscaped(html), "\(html)")
        #expect(Self.unescapedText(html).unicodeScalars.elementsEqual(snippet.unicodeScalars), "\(html)")
        #expect(SwiftHighlighter.html(snippet) == html)
    }

    @Test func everyPrefixAndSuffixOfTheSnippetsRoundTrips() {
        for code in Self.corpus {
            let html = SwiftHighlighter.html(code)
            #expect(Self.spansAreFlatAndBalanced(html), "\(code.debugDescription) → \(html)")
            #expect(Self.textIsEscaped(html), "\(code.debugDescription) → \(html)")
            #expect(
                Self.unescapedText(html).unicodeScalars.elementsEqual(code.unicodeScalars), "\(code.debugDescription)")
        }
    }

    /// Random sequences of the fragments that change the lexer's state, with a fixed seed.
    @Test func randomFragmentSoupRoundTrips() {
        let fragments = [
            "\"", "\"\"\"", "#", "##", "\\", "\\(", "\\#(", "(", ")", "/*", "*/", "//", "\n", "\r\n", " ",
            "@", "@x", "0x", "1", "e-", "p", ".", "`", "$", "let", "Foo", "f(", "中文", "：", "<&>", "<", "e", "\u{301}",
            "/", "#/", "/#", "[", "]", "x /", "= /", "consume ",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            var code = ""
            for _ in 0..<12 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                code += fragments[Int(state >> 33) % fragments.count]
            }
            let html = SwiftHighlighter.html(code)
            #expect(Self.spansAreFlatAndBalanced(html), "\(code.debugDescription) → \(html)")
            #expect(Self.textIsEscaped(html), "\(code.debugDescription) → \(html)")
            #expect(
                Self.unescapedText(html).unicodeScalars.elementsEqual(code.unicodeScalars), "\(code.debugDescription)")
        }
    }

    // MARK: Stylesheet

    @Test func everyClassHasAColorThatMeetsWCAGAAInBothThemes() throws {
        let css = SwiftHighlighter.css
        let dark = try #require(css.range(of: "@media screen and (prefers-color-scheme: dark)"))
        let light = Self.variables(in: String(css[..<dark.lowerBound]))
        let darkVariables = Self.variables(in: String(css[dark.upperBound...]))
        for tokenClass in SwiftTokenClass.allCases {
            let rule = try #require(Self.rule(for: tokenClass.rawValue, in: css), "no rule for .\(tokenClass.rawValue)")
            let lightColor = try #require(light[rule])
            let darkColor = try #require(darkVariables[rule])
            #expect(Self.contrast(lightColor, "#f5f5f7") >= 4.5, "\(rule) \(lightColor)")
            #expect(Self.contrast(darkColor, "#232326") >= 4.5, "\(rule) \(darkColor)")
        }
    }

    // MARK: Helpers

    /// The class of each scalar of `code` as a letter (`k` keyword, `t` type, `f` function,
    /// `s` string or regex, `n` number, `c` comment, `a` attribute, `d` directive), a space
    /// for plain text; line breaks stay, so that the mask lines up under the code.
    static func classMask(_ code: String) -> String {
        let scalars = Array(code.unicodeScalars)
        var mask = scalars.map { SwiftLexicon.isLineBreak($0) ? Character($0) : " " }
        let letters: [SwiftTokenClass: Character] = [
            .keyword: "k", .type: "t", .function: "f", .string: "s", .number: "n", .comment: "c",
            .attribute: "a", .directive: "d",
        ]
        for token in SwiftTokenizer.tokens(in: scalars) {
            for index in token.range where !SwiftLexicon.isLineBreak(scalars[index]) {
                mask[index] = letters[token.tokenClass] ?? "?"
            }
        }
        return String(mask)
    }

    /// The variable that `code .NAME { color: var(--X); }` uses.
    static func rule(for name: String, in css: String) -> String? {
        let prefix = "code .\(name) { color: var("
        guard let start = css.range(of: prefix) else { return nil }
        return css[start.upperBound...].prefix { $0 != ")" }.description
    }

    /// `--name: #rrggbb` pairs in `css`.
    static func variables(in css: String) -> [String: String] {
        var variables: [String: String] = [:]
        for declaration in css.split(whereSeparator: { $0 == ";" || $0 == "{" || $0 == "\n" }) {
            let parts = declaration.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0].hasPrefix("--hl-"), parts[1].hasPrefix("#") {
                variables[parts[0]] = parts[1]
            }
        }
        return variables
    }

    /// The WCAG 2 contrast ratio of two `#rrggbb` colors.
    static func contrast(_ first: String, _ second: String) -> Double {
        func luminance(_ hex: String) -> Double {
            let value = Int(hex.dropFirst(), radix: 16) ?? 0
            let channels = [value >> 16, value >> 8, value].map { Double($0 & 0xFF) / 255 }
            let linear = channels.map { $0 <= 0.04045 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
            return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
        }
        let (a, b) = (luminance(first), luminance(second))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// Whether every `<span class="…">` closes before the next opens, all close, and no other
    /// `<` is left unescaped; in bytes, since a combining mark after `>` joins its Character.
    static func spansAreFlatAndBalanced(_ html: String) -> Bool {
        let bytes = Array(html.utf8)
        let (open, close) = (Array(#"<span class=""#.utf8), Array("</span>".utf8))
        var isOpen = false
        for index in bytes.indices where bytes[index] == UInt8(ascii: "<") {
            let rest = bytes[index...]
            if rest.starts(with: close) && isOpen {
                isOpen = false
            } else if rest.starts(with: open) && !isOpen {
                isOpen = true
            } else {
                return false
            }
        }
        return !isOpen
    }

    /// Whether the text between tags holds no `<`, `>` or `"` scalar and every `&` starts an
    /// escape: a combining mark after one must not hide it from escaping.
    static func textIsEscaped(_ html: String) -> Bool {
        let text = html.replacingOccurrences(
            of: #"<span class="[a-z]+">|</span>"#, with: "", options: .regularExpression)
        let scalars = Array(text.unicodeScalars)
        return scalars.indices.allSatisfy { index in
            switch scalars[index] {
            case "<", ">", "\"": false
            case "&":
                ["&lt;", "&gt;", "&quot;", "&amp;"].contains { scalars[index...].starts(with: $0.unicodeScalars) }
            default: true
            }
        }
    }

    /// The text of highlighter HTML: tags removed, the four escapes undone.
    static func unescapedText(_ html: String) -> String {
        let text = html.replacingOccurrences(
            of: #"<span class="[a-z]+">|</span>"#, with: "", options: .regularExpression)
        return [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&amp;", "&")].reduce(text) { text, escape in
            text.replacingOccurrences(of: escape.0, with: escape.1, options: .literal)
        }
    }
}
