import Foundation
import Testing
import SVGCharts

@testable import BookKit

/// The highlighter against the language's lexical structure (see `SwiftHighlighterTests`).
extension SwiftHighlighterTests {
    // MARK: Lexical structure, against swift-syntax

    /// The masks below give each scalar's class, one letter under each character: the
    /// keyword, string, regex, number and comment columns are swift-syntax 602.0.0's
    /// classification (`SwiftIDEUtils`), checked in a scratch package outside this repository,
    /// as building swift-syntax here would cost minutes of every CI run; `t` (type) and `f`
    /// (function), which swift-syntax does not class, follow this highlighter's own rules.

    /// Raw strings: `#"""#` is one line holding a quote, and a `"""` raw string closed on its
    /// line is one line too.
    @Test(arguments: [
        (
            ##"#"""#"##,
            ##"sssss"##
        ),
        (
            ##"let s = #"""#\##nlet t = 1"##,
            ##"kkk     sssss\##nkkk     n"##
        ),
        (
            ###"##"""a"## + b"###,
            ###"sssssssss    "###
        ),
        (
            ##"#"""\##n"# is text\##n"""#\##nlet u"##,
            ##"ssss\##nssssssssss\##nssss\##nkkk  "##
        ),
        (
            ##"#"\#(x) \(y)"#"##,
            ##"sssss ssssssss"##
        ),
        (
            ##""\(#"\(x)"#) \("y")""##,
            ##"ssssssssssssssssssss"##
        ),
    ])
    func rawStringsCloseWhereTheirDelimiterSays(code: String, mask: String) {
        #expect(Self.classMask(code) == mask)
    }

    /// Regex literals, bare and extended (`#/…/#`, multi-line when the line after `#/` is
    /// empty), where an expression may start.
    @Test(arguments: [
        (
            #"let r = /"/"#,
            #"kkk     sss"#
        ),
        (
            #"let r = #/a"b/#"#,
            #"kkk     sssssss"#
        ),
        (
            #"let r = /\/\//"#,
            #"kkk     ssssss"#
        ),
        (
            #"let r = #/\#n  a"b // text\#n/#\#nlet x = 1"#,
            #"kkk     ss\#nsssssssssssss\#nss\#nkkk     n"#
        ),
        (
            #"let r = ##/a/#b/##"#,
            #"kkk     ssssssssss"#
        ),
        (
            #"f(x, /a+/)"#,
            #"f    ssss "#
        ),
        (
            #"[/a/, /[/]/]"#,
            #" sss  sss   "#
        ),
        (
            #"return /[a-z]+/"#,
            #"kkkkkk ssssssss"#
        ),
        (
            #"try? /^ x/.wholeMatch(s)"#,
            #"kkk  sssss ffffffffff   "#
        ),
        (
            #"let r = /a/ // c"#,
            #"kkk     sss cccc"#
        ),
        (
            #"#if DEBUG\#nlet r = /a/\#n#endif"#,
            #"ddd ttttt\#nkkk     sss\#ndddddd"#
        ),
        (
            #"@discardableResult func f() -> Regex<Substring> { /a/ }"#,
            #"aaaaaaaaaaaaaaaaaa kkkk f      ttttt ttttttttt    sss  "#
        ),
        (
            #""n = \(s.matches(of: /a"b/).count)""#,
            #"sssssss  fffffff     sssss       ss"#
        ),
    ])
    func regexLiteralsAreLiterals(code: String, mask: String) {
        #expect(Self.classMask(code) == mask)
    }

    /// A `/` after an operand, touching its left, before a space, with an unbalanced `)`, after
    /// `func`, or before `//` and `/*` is an operator.
    @Test(arguments: [
        (
            #"a / b / c"#,
            #"         "#
        ),
        (
            #"let q = (a + b)/2/c"#,
            #"kkk             n  "#
        ),
        (
            #"let half = total /2"#,
            #"kkk               n"#
        ),
        (
            #"f(a /b)"#,
            #"f      "#
        ),
        (
            #"let x = /a /"#,
            #"kkk         "#
        ),
        (
            #"f(/ a/)"#,
            #"f      "#
        ),
        (
            #"xs.reduce(0, /)"#,
            #"   ffffff n    "#
        ),
        (
            #"func /(a: V, b: V) -> V"#,
            #"kkkk      t     t     t"#
        ),
        (
            #"self / 2 / x"#,
            #"kkkk   n    "#
        ),
        (
            #"x[0] / 2 / y"#,
            #"  n    n    "#
        ),
        (
            #"let x = /a/*b*/"#,
            #"kkk       ccccc"#
        ),
        (
            #"0\#n/ 1 /\#n2"#,
            #"n\#n  n  \#nn"#
        ),
    ])
    func slashesThatDivideOrStartCommentsAreNotRegexLiterals(code: String, mask: String) {
        #expect(Self.classMask(code) == mask)
    }

    /// Keywords as argument labels, parameter names, members, enum cases, operands and
    /// backticked names.
    @Test(arguments: [
        (
            #"func f(in x: Int, for y: Int)"#,
            #"kkkk f       ttt         ttt "#
        ),
        (
            #"init(from decoder: Decoder)"#,
            #"kkkk               ttttttt "#
        ),
        (
            #"if a, let b: Int = c {}"#,
            #"kk    kkk    ttt       "#
        ),
        (
            #"x.default"#,
            #"         "#
        ),
        (
            #"case .for"#,
            #"kkkk     "#
        ),
        (
            #"let `class` = 1"#,
            #"kkk           n"#
        ),
        (
            #"enum E { case async, optional; case required }"#,
            #"kkkk t   kkkk                  kkkk           "#
        ),
        (
            #"f(a, postfix) + g(prefix)"#,
            #"f               f        "#
        ),
        (
            #"if x == prefix {}"#,
            #"kk               "#
        ),
        (
            #"func c(_ prefix: S)"#,
            #"kkkk f           t "#
        ),
        (
            #"let t: T.Type = u ?? .Type"#,
            #"kkk    t kkkk         tttt"#
        ),
        (
            #"init(withExtension extension: String)"#,
            #"kkkk                          tttttt "#
        ),
        (
            #"if dynamic { x = .Self }"#,
            #"kk                kkkk  "#
        ),
        (
            #"xs.map { prefix in prefix + [1] }"#,
            #"                kk           n   "#
        ),
        (
            #"case prefix, infix, postfix"#,
            #"kkkk                       "#
        ),
        (
            #"func f() async {}"#,
            #"kkkk f   kkkkk   "#
        ),
    ])
    func keywordsUsedAsLabelsOrNamesArePlain(code: String, mask: String) {
        #expect(Self.classMask(code) == mask)
    }

    /// `consume`, `copy`, `discard`, `unsafe`, `yield`, `_read`, `_modify`, `__shared`,
    /// `__owned`: keywords only where they are used as keywords.
    @Test(arguments: [
        (
            #"let y = consume x"#,
            #"kkk     kkkkkkk  "#
        ),
        (
            #"let z = copy y"#,
            #"kkk     kkkk  "#
        ),
        (
            #"discard self"#,
            #"kkkkkkk kkkk"#
        ),
        (
            #"unsafe f(x)"#,
            #"kkkkkk f   "#
        ),
        (
            #"let copy = x"#,
            #"kkk         "#
        ),
        (
            #"consume(x)"#,
            #"fffffff   "#
        ),
        (
            #"xs.map { consume in consume }"#,
            #"                 kk          "#
        ),
        (
            #"var x: Int {\#n  _read { yield storage }\#n  _modify { yield &storage }\#n}"#,
            #"kkk    ttt  \#n  kkkkk   kkkkk          \#n  kkkkkkk   kkkkk           \#n "#
        ),
        (
            #"let _read = 1"#,
            #"kkk         n"#
        ),
        (
            #"func g(_ x: __shared Foo, _ y: __owned Bar)"#,
            #"kkkk f      kkkkkkkk ttt       kkkkkkk ttt "#
        ),
    ])
    func contextualKeywordsOnlyInKeywordPosition(code: String, mask: String) {
        #expect(Self.classMask(code) == mask)
    }

    /// 30,000 strings, each in the interpolation of the one before: lexed without recursion,
    /// so the stack cannot overflow, and in linear time (a quadratic lexer would take minutes).
    @Test func deeplyNestedInterpolationsAreLexedIteratively() {
        let depth = 30_000
        let opening = String(repeating: #""\("#, count: depth)
        let closing = String(repeating: #")""#, count: depth)
        let started = ContinuousClock.now
        let html = SwiftHighlighter.html(opening + "x" + closing)
        #expect(ContinuousClock.now - started < .seconds(10))
        let expected =
            #"<span class="str">"# + escapeMarkup(opening) + #"</span>x<span class="str">"# + escapeMarkup(closing)
            + "</span>"
        #expect(html == expected)
    }
}
