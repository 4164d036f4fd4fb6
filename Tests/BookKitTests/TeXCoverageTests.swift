import Foundation
import Testing

@testable import BookKit

/// The TeX that ML writing uses beyond the basics (colours, script styles, stacked relations,
/// `\substack`, `\pmod`, extensible arrows, rules in arrays, `\tag` and `\label`), each with the
/// MathML written by hand from MathML Core and from what amsmath, xcolor and KaTeX make of it.
@Suite struct TeXCoverageTests {
    private static func inline(_ tex: String) throws -> String {
        try MathConverter.presentation(tex, display: false)
    }

    /// `\color` colours the rest of its group, `\textcolor` its argument; MathML Core's
    /// `mathcolor` carries the CSS colour, and xcolor's models become hex.
    @Test(arguments: [
        (
            #"{\color{red} x + y} z"#,
            #"<mrow><mstyle mathcolor="red"><mi>x</mi><mo>+</mo><mi>y</mi></mstyle><mi>z</mi></mrow>"#
        ),
        (#"\textcolor{blue}{x} y"#, #"<mrow><mstyle mathcolor="blue"><mi>x</mi></mstyle><mi>y</mi></mrow>"#),
        (##"\color{#1f77b4} x"##, ##"<mstyle mathcolor="#1f77b4"><mi>x</mi></mstyle>"##),
        (##"\color[HTML]{1F77B4} x"##, ##"<mstyle mathcolor="#1F77B4"><mi>x</mi></mstyle>"##),
        (##"\color[rgb]{1,0.5,0} x"##, ##"<mstyle mathcolor="#ff8000"><mi>x</mi></mstyle>"##),
        (##"\color[RGB]{0,128,255} x"##, ##"<mstyle mathcolor="#0080ff"><mi>x</mi></mstyle>"##),
    ])
    func colours(tex: String, expected: String) throws {
        #expect(try Self.inline(tex) == expected)
    }

    /// `\scriptstyle` is text style one script level down; `\displaystyle` resets the level too,
    /// as TeX's style switches are absolute.
    @Test(arguments: [
        (#"{\scriptstyle a}"#, #"<mstyle displaystyle="false" scriptlevel="1"><mi>a</mi></mstyle>"#),
        (#"{\scriptscriptstyle a}"#, #"<mstyle displaystyle="false" scriptlevel="2"><mi>a</mi></mstyle>"#),
        (
            #"x^{\displaystyle a}"#,
            #"<msup><mi>x</mi><mstyle displaystyle="true" scriptlevel="0"><mi>a</mi></mstyle></msup>"#
        ),
    ])
    func styleSwitches(tex: String, expected: String) throws {
        #expect(try Self.inline(tex) == expected)
    }

    /// A relation with something over or under it keeps the relation's `<mo>` as the base, so
    /// MathML Core spaces the whole `<mover>` as that relation (an embellished operator); a
    /// function stays a function, its script fixed under it.
    @Test(arguments: [
        (#"\stackrel{\text{def}}{=}"#, "<mover><mo>=</mo><mtext>def</mtext></mover>"),
        (#"\overset{!}{=}"#, "<mover><mo>=</mo><mo>!</mo></mover>"),
        (
            #"\underset{x}{\arg\min} f"#,
            "<mrow><munder><mi>arg\u{2009}min</mi><mi>x</mi></munder><mo>&#x2061;</mo><mspace width=\"0.1667em\"></mspace><mi>f</mi></mrow>"
        ),
        (
            #"\xrightarrow{f}"#,
            #"<mover><mo stretchy="true">→</mo><mrow><mspace width="0.3em"></mspace><mi>f</mi><mspace width="0.3em"></mspace></mrow></mover>"#
        ),
        (
            #"\xleftarrow[g]{}"#,
            #"<munder><mo stretchy="true">←</mo><mrow><mspace width="0.3em"></mspace><mi>g</mi><mspace width="0.3em"></mspace></mrow></munder>"#
        ),
    ])
    func stackedRelationsAndArrows(tex: String, expected: String) throws {
        #expect(try Self.inline(tex) == expected)
    }

    /// `\xrightarrow[below]{above}` has both labels, under then over, as `<munderover>` wants.
    @Test func extensibleArrowTakesBothLabels() throws {
        let markup = try Self.inline(#"\xRightarrow[a]{b}"#)
        #expect(
            markup.hasPrefix(#"<munderover><mo stretchy="true">⇒</mo><mrow><mspace width="0.3em"></mspace><mi>a</mi>"#))
        #expect(markup.hasSuffix(#"<mi>b</mi><mspace width="0.3em"></mspace></mrow></munderover>"#))
    }

    /// `\texttt` and friends are `<mtext>` in their font; `$…$` inside text is math again.
    @Test(arguments: [
        (#"\texttt{fit()}"#, #"<mtext style="font-family: monospace">fit()</mtext>"#),
        (#"\textsf{A}"#, #"<mtext style="font-family: sans-serif">A</mtext>"#),
        (#"\emph{new}"#, #"<mtext style="font-style: italic">new</mtext>"#),
        (
            #"\text{for $x > 0$ only}"#,
            "<mrow><mtext>for\u{A0}</mtext><mrow><mi>x</mi><mo>&gt;</mo><mn>0</mn></mrow><mtext>\u{A0}only</mtext></mrow>"
        ),
        (#"\text{$\alpha$}"#, "<mi>α</mi>"),
    ])
    func textAndMathInText(tex: String, expected: String) throws {
        #expect(try Self.inline(tex) == expected)
    }

    /// `\\` outside an environment stacks centred lines; `\substack` does so inside a script,
    /// with the rows close together.
    @Test func linesOutsideAnEnvironmentAndSubstacks() throws {
        #expect(
            try MathConverter.presentation(#"a \\ b \\"#, display: true)
                == #"<mtable displaystyle="true"><mtr><mtd><mi>a</mi></mtd></mtr><mtr><mtd><mi>b</mi></mtd></mtr></mtable>"#
        )
        let cell = #"<mtd style="padding: 0.1em 0.1389em">"#
        #expect(
            try Self.inline(#"\sum_{\substack{i \in S \\ j}}"#)
                == "<msub><mo>∑</mo><mtable><mtr>\(cell)<mi>i</mi><mo>∈</mo><mi>S</mi></mtd></mtr>"
                + "<mtr>\(cell)<mi>j</mi></mtd></mtr></mtable></msub>")
    }

    /// amsmath's `mod`s: `\bmod` a binary operator, `\pmod` a space, then “(mod n)”, the space a
    /// quad in display style and 8 mu in text.
    @Test(arguments: [
        (#"a \bmod b"#, false, #"<mrow><mi>a</mi><mo lspace="0.2222em" rspace="0.2222em">mod</mo><mi>b</mi></mrow>"#),
        (
            #"a \pmod{n}"#, false,
            #"<mrow><mi>a</mi><mrow><mspace width="0.4444em"></mspace><mo stretchy="false">(</mo><mi>mod</mi><mspace width="0.3333em"></mspace><mi>n</mi><mo stretchy="false">)</mo></mrow></mrow>"#
        ),
        (
            #"a \pmod{n}"#, true,
            #"<mrow><mi>a</mi><mrow><mspace width="1em"></mspace><mo stretchy="false">(</mo><mi>mod</mi><mspace width="0.3333em"></mspace><mi>n</mi><mo stretchy="false">)</mo></mrow></mrow>"#
        ),
        (
            #"a \mod{n}"#, false,
            #"<mrow><mi>a</mi><mrow><mspace width="0.6667em"></mspace><mi>mod</mi><mspace width="0.3333em"></mspace><mi>n</mi></mrow></mrow>"#
        ),
    ])
    func modulo(tex: String, display: Bool, expected: String) throws {
        #expect(try MathConverter.presentation(tex, display: display) == expected)
    }

    /// `\choose`, `\over` and `\above` take what precedes them in the group as the numerator;
    /// `\genfrac` spells out delimiters, rule and style, an empty group keeping the default.
    @Test(arguments: [
        (
            #"{n \choose k}"#,
            #"<mrow><mo form="prefix" stretchy="true">(</mo><mfrac linethickness="0"><mi>n</mi><mi>k</mi></mfrac><mo form="postfix" stretchy="true">)</mo></mrow>"#
        ),
        (#"{a+b \over 2}"#, "<mfrac><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mn>2</mn></mfrac>"),
        (#"{a \above 2pt b}"#, #"<mfrac linethickness="0.2em"><mi>a</mi><mi>b</mi></mfrac>"#),
        (#"\genfrac{}{}{0pt}{}{n}{k}"#, #"<mfrac linethickness="0em"><mi>n</mi><mi>k</mi></mfrac>"#),
        (
            #"\genfrac[){}{0}ab"#,
            #"<mrow><mo form="prefix" stretchy="true">[</mo><mfrac displaystyle="true"><mi>a</mi><mi>b</mi></mfrac><mo form="postfix" stretchy="true">)</mo></mrow>"#
        ),
    ])
    func infixFractions(tex: String, expected: String) throws {
        #expect(try Self.inline(tex) == expected)
    }

    /// Symbols from the AMS fonts, blackboard digits from `bbm`, and a framed formula.
    @Test(arguments: [
        (#"a \circledast b"#, "<mrow><mi>a</mi><mo>⊛</mo><mi>b</mi></mrow>"),
        (#"A^\intercal"#, "<msup><mi>A</mi><mo>⊺</mo></msup>"),
        (#"\mathbbm{1}"#, "<mn>𝟙</mn>"),
        (#"\boxed{x}"#, #"<mrow style="border: 0.06em solid; padding: 0.2em 0.3em"><mi>x</mi></mrow>"#),
        (#"a \hspace{1em} b"#, #"<mrow><mi>a</mi><mspace width="1em"></mspace><mi>b</mi></mrow>"#),
        (#"a \mkern9mu b"#, #"<mrow><mi>a</mi><mspace width="0.5em"></mspace><mi>b</mi></mrow>"#),
    ])
    func symbolsAndBoxes(tex: String, expected: String) throws {
        #expect(try Self.inline(tex) == expected)
    }

    /// Text boxes take text (with `$…$` inside) and colours; `\cancel` strikes with a diagonal
    /// gradient, which needs no SVG and scales with its content.
    @Test(arguments: [
        (
            ##"\fbox{a $x$}"##,
            "<mrow style=\"border: 0.06em solid; padding: 0.2em 0.3em\"><mtext>a\u{A0}</mtext><mi>x</mi></mrow>"
        ),
        (
            ##"\colorbox{yellow}{A}"##,
            ##"<mrow style="background-color: yellow; padding: 0.2em 0.3em"><mtext>A</mtext></mrow>"##
        ),
        (
            ##"\fcolorbox{red}{#eee}{B}"##,
            ##"<mrow style="border: 0.06em solid red; background-color: #eee; padding: 0.2em 0.3em"><mtext>B</mtext></mrow>"##
        ),
        (
            ##"\cancel{5}"##,
            ##"<mrow style="background: linear-gradient(to top right, transparent calc(50% - 0.03em), currentcolor calc(50% - 0.03em), currentcolor calc(50% + 0.03em), transparent calc(50% + 0.03em))"><mn>5</mn></mrow>"##
        ),
    ])
    func boxesAndStrikes(tex: String, expected: String) throws {
        #expect(try Self.inline(tex) == expected)
    }

    /// Old switches (`\bf`, `\large`) change the rest of their group; `\smash` and the phantoms
    /// zero dimensions with `<mpadded>`; KaTeX's aliases and text symbols resolve.
    @Test(arguments: [
        (#"{\large A} B"#, #"<mrow><mstyle mathsize="1.2em"><mi>A</mi></mstyle><mi>B</mi></mrow>"#),
        (#"{\bf Ab} c"#, "<mrow><mrow><mi>𝐀</mi><mi>𝐛</mi></mrow><mi>c</mi></mrow>"),
        (
            #"a\hphantom{x}b"#,
            #"<mrow><mi>a</mi><mpadded height="0" depth="0"><mphantom><mi>x</mi></mphantom></mpadded><mi>b</mi></mrow>"#
        ),
        (#"\smash[b]{y}"#, #"<mpadded depth="0"><mi>y</mi></mpadded>"#),
        (#"\mathstrut"#, #"<mpadded width="0"><mphantom><mo stretchy="false">(</mo></mphantom></mpadded>"#),
        (#"\varGamma \R \rArr"#, "<mrow><mi>𝛤</mi><mi>ℝ</mi><mo>⇒</mo></mrow>"),
        (#"\text{Stra\ss e}"#, "<mtext>Straße</mtext>"),
        (
            #"\left\llbracket x \right\rrbracket"#,
            #"<mrow><mo form="prefix" stretchy="true">⟦</mo><mi>x</mi><mo form="postfix" stretchy="true">⟧</mo></mrow>"#
        ),
    ])
    func switchesPaddingAndAliases(tex: String, expected: String) throws {
        #expect(try Self.inline(tex) == expected)
    }

    /// MathML Core has no `columnlines` or `rowlines`: `|` in the column letters and `\hline`
    /// become borders of the cells beside the rule.
    @Test func arrayRulesAreCellBorders() throws {
        let markup = try MathConverter.presentation(
            #"\begin{array}{c|c} a & b \\ \hline c & d \\ \hline \end{array}"#, display: true)
        let rule = "0.05em solid"
        #expect(
            markup
                == "<mtable><mtr><mtd><mi>a</mi></mtd><mtd style=\"border-left: \(rule)\"><mi>b</mi></mtd></mtr>"
                + "<mtr><mtd style=\"border-top: \(rule); border-bottom: \(rule)\"><mi>c</mi></mtd>"
                + "<mtd style=\"border-left: \(rule); border-top: \(rule); border-bottom: \(rule)\"><mi>d</mi></mtd></mtr>"
                + "</mtable>")
        let outer = try MathConverter.presentation(#"\begin{array}{|l||} x \end{array}"#, display: true)
        #expect(
            outer
                == "<mtable><mtr><mtd style=\"text-align: -webkit-left; border-left: \(rule); border-right: 0.2em double\">"
                + "<mi>x</mi></mtd></mtr></mtable>")
    }

    /// `:` (arydshln) and `\hdashline` dash their rules; `\hline\hline` is a double rule.
    @Test func dashedAndDoubleRules() throws {
        let markup = try MathConverter.presentation(
            #"\begin{array}{c:c} \hline\hline a & b \\ \hdashline c & d \end{array}"#, display: true)
        #expect(
            markup
                == "<mtable><mtr><mtd style=\"border-top: 0.2em double\"><mi>a</mi></mtd>"
                + "<mtd style=\"border-left: 0.05em dashed; border-top: 0.2em double\"><mi>b</mi></mtd></mtr>"
                + "<mtr><mtd style=\"border-top: 0.05em dashed\"><mi>c</mi></mtd>"
                + "<mtd style=\"border-left: 0.05em dashed; border-top: 0.05em dashed\"><mi>d</mi></mtd></mtr></mtable>"
        )
    }

    /// `smallmatrix` is a matrix one script level down with its cells close together.
    @Test func smallMatrixIsScriptSized() throws {
        let cell = #"<mtd style="padding: 0.1em 0.1389em">"#
        #expect(
            try Self.inline(#"\begin{smallmatrix} a & b \end{smallmatrix}"#)
                == "<mstyle scriptlevel=\"1\"><mtable><mtr>\(cell)<mi>a</mi></mtd>\(cell)<mi>b</mi></mtd></mtr></mtable></mstyle>"
        )
    }

    /// TeX sets `/` as an ordinary symbol, so `D^{-1/2}` has no space around the slash; MathML's
    /// dictionary would space it like an infix operator.
    @Test func slashIsNotSpaced() throws {
        #expect(
            try Self.inline("D^{-1/2}")
                == #"<msup><mi>D</mi><mrow><mo>−</mo><mn>1</mn><mo stretchy="false" lspace="0" rspace="0">/</mo><mn>2</mn></mrow></msup>"#
        )
    }

    /// `\big` delimiters are fences of a fixed size with no space beside them, except `\bigm`'s,
    /// which is a relation's. Chromium boxes a stretchy `(` as wide as its widest variant, so
    /// `\big` and `\Big` scale the glyph (lowered to stay on the axis) and only `\bigg`,
    /// `\Bigg` and bars, whose boxes fit, stretch.
    @Test func bigDelimitersAreTightFences() throws {
        let scaled = { (form: String, text: String) in
            "<mpadded voffset=\"-0.05em\"><mo form=\"\(form)\" stretchy=\"false\" lspace=\"0\" rspace=\"0\" "
                + "style=\"font-size: 1.2em\">\(text)</mo></mpadded>"
        }
        #expect(
            try Self.inline(#"\big( x \big)"#)
                == "<mrow>\(scaled("prefix", "("))<mi>x</mi>\(scaled("postfix", ")"))</mrow>")
        let big = #"stretchy="true" lspace="0" rspace="0" minsize="1.2em" maxsize="1.2em""#
        #expect(
            try Self.inline(#"\big| x \big|"#)
                == "<mrow><mo form=\"prefix\" \(big)>|</mo><mi>x</mi><mo form=\"postfix\" \(big)>|</mo></mrow>")
        let bigg = #"stretchy="true" lspace="0" rspace="0" minsize="2.047em" maxsize="2.047em""#
        #expect(
            try Self.inline(#"\biggl( x \biggr)"#)
                == "<mrow><mo form=\"prefix\" \(bigg)>(</mo><mi>x</mi><mo form=\"postfix\" \(bigg)>)</mo></mrow>")
        #expect(
            try Self.inline(#"a \Biggm/ b"#)
                == "<mrow><mi>a</mi><mpadded voffset=\"-0.3675em\"><mo form=\"infix\" stretchy=\"false\" "
                + "lspace=\"0.2778em\" rspace=\"0.2778em\" style=\"font-size: 2.47em\">/</mo></mpadded><mi>b</mi></mrow>"
        )
    }

    /// `\tag` and `\label` print nothing in the formula; the converter reports them for the page.
    @Test func tagAndLabelAreReadBack() throws {
        #expect(try MathConverter.presentation(#"x = 1 \tag{3a} \label{eq-x}"#, display: true).contains("3a") == false)
        let numbering = try #require(MathConverter.equationNumbering(#"x \label{eq-x} \tag*{A}"#))
        #expect(numbering.label == "eq-x")
        #expect(numbering.tag == EquationTag(text: "A", parenthesized: false))
        #expect(MathConverter.equationNumbering(#"x \tag{1}"#)?.tag?.shown == "(1)")
        #expect(MathConverter.equationNumbering(#"\foo"#) == nil)
    }

    /// What is still unsupported, or misused, is an error the page turns into a warning.
    @Test(arguments: [
        (#"x \tag{1}"#, false, "\\tag is only allowed in a display formula ($$ … $$)", 2),
        (#"x \label{a} \label{b}"#, true, "a formula can have only one \\label", 12),
        (#"x \tag{1} \tag{2}"#, true, "a formula can have only one \\tag", 10),
        (#"\color{red!50} x"#, false, "unsupported colour {red!50}", 0),
        (
            #"\begin{array}{c} a \hline \end{array}"#, true,
            "\\hline is only allowed at the start of a row of an environment such as array", 19
        ),
        (#"\xrightarrow[a"#, false, "missing ']' after the label under \\xrightarrow", 0),
        (#"\text{$x}"#, false, "'$' inside text is never closed", 6),
        (#"\hspace{wide}"#, false, "\\hspace needs a length such as 1em or 3mu, not 'wide'", 0),
        (#"\substack x"#, false, "\\substack takes its lines in braces", 0),
    ])
    func misuseIsAnError(tex: String, display: Bool, message: String, offset: Int) {
        #expect(throws: MathError(message, offset: offset)) { try MathConverter.mathML(tex, display: display) }
    }

    // MARK: Through the page

    private static func render(_ markdown: String) throws -> ChapterRenderer.Rendered {
        let chapter = try ChapterLoader.parse(markdown, path: "chapters/04-c.md")
        let empty = ChapterResult(cells: [], inlineValues: [], errors: [], compileSeconds: 0, runSeconds: 0)
        return ChapterRenderer.body(chapter, result: empty)
    }

    /// `\label{eq-…}` numbers a formula as `{#eq-…}` does; `\tag{x}` shows “(x)” instead of a
    /// number and takes none, so the next numbered formula is still 4.2.
    @Test func tagAndLabelJoinTheEquationNumbering() throws {
        let source = """
            # C

            $$ a = 1 \\label{eq-first} $$

            $$ b = 2 \\tag{*} \\label{eq-star} $$

            $$ c = 3 $$ {#eq-braced}

            $$ d = 4 \\tag*{A} $$

            See @eq-first, @eq-star and @eq-braced.
            """
        let rendered = try Self.render(source)
        let html = rendered.html
        #expect(rendered.warnings.isEmpty)
        #expect(html.contains(#"<span class="display-math scrolls numbered" id="eq-first"><math"#))
        #expect(html.contains(#"<span class="equation-number">(4.1)</span></span>"#))
        #expect(html.contains(#"<span class="display-math scrolls numbered" id="eq-star"><math"#))
        #expect(html.contains(#"<span class="equation-number">(*)</span></span>"#))
        #expect(html.contains(#"<span class="equation-number">(4.2)</span></span>"#))
        #expect(html.contains(#"<span class="equation-number">A</span></span>"#))
        #expect(
            html.contains(
                ##"See <a class="reference" href="#eq-first">式 (4.1)</a>, <a class="reference" href="#eq-star">式 (*)</a>"##
                    + ##" and <a class="reference" href="#eq-braced">式 (4.2)</a>."##))
        #expect(html.components(separatedBy: "equation-number").count - 1 == 4)
    }

    /// Math inside `\text` survives the page's formula protection in a display formula.
    @Test func mathInsideTextOnThePage() throws {
        let rendered = try Self.render("# C\n\n$$ \\begin{cases} x & \\text{if $x > 0$} \\end{cases} $$\n")
        #expect(rendered.warnings.isEmpty)
        #expect(rendered.html.contains("<mtext>if\u{A0}</mtext><mrow><mi>x</mi><mo>&gt;</mo><mn>0</mn></mrow>"))
    }

    /// A label after the closing `$$` of a formula of several lines numbers it too (the
    /// formula's lines are blank in the Markdown, so the label is a paragraph of its own).
    @Test func aLabelAfterAMultiLineFormulaNumbersIt() throws {
        let rendered = try Self.render("# C\n\n$$\na = 1\n$$ {#eq-multi}\n\nSee @eq-multi.\n")
        #expect(rendered.warnings.isEmpty)
        #expect(rendered.html.contains("<span class=\"display-math scrolls numbered\" id=\"eq-multi\">"))
        #expect(rendered.html.contains("<span class=\"equation-number\">(4.1)</span>"))
        #expect(!rendered.html.contains("{#eq-multi}"))
        #expect(rendered.html.contains(##"<a class="reference" href="#eq-multi">式 (4.1)</a>"##))
    }

    /// Math inside `\text` in an inline formula: the `$` inside the braces does not end it.
    @Test func mathInsideTextInAnInlineFormula() throws {
        let rendered = try Self.render("# C\n\nIt holds $\\text{for $x > 0$ only}$ here, and costs $5 or $6.\n")
        #expect(rendered.warnings.isEmpty)
        #expect(rendered.html.contains("<mrow><mi>x</mi><mo>&gt;</mo><mn>0</mn></mrow>"))
        #expect(rendered.html.contains("costs $5 or $6."), "dollars outside a formula stay text")
    }

    /// An unknown command still converts to nothing and warns at its line and column.
    @Test func unknownCommandStillWarns() throws {
        let rendered = try Self.render("# C\n\nText $a + \\foo$ more.\n")
        #expect(
            rendered.warnings.map { $0.description } == [
                "chapters/04-c.md:3:11: warning: unsupported TeX command \\foo"
            ])
        #expect(rendered.html.contains(#"<code class="math-error""#))
    }
}
