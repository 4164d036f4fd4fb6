import Foundation
import Testing

@testable import BookKit

/// Exact MathML for small formulas, written by hand against the MathML Core spec and TeX's
/// rules (no converter was run to produce them): a change in the output must be a decision.
@Suite struct MathConverterTests {
    @Test(arguments: [
        ("x", "<mi>x</mi>"),
        ("12.5", "<mn>12.5</mn>"),
        ("MSE", "<mrow><mi>M</mi><mi>S</mi><mi>E</mi></mrow>"),
        ("a+b", "<mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow>"),
        ("a - 1", "<mrow><mi>a</mi><mo>−</mo><mn>1</mn></mrow>"),
        ("-x", "<mrow><mo>−</mo><mi>x</mi></mrow>"),
        ("y = -x", "<mrow><mi>y</mi><mo>=</mo><mo form=\"prefix\">−</mo><mi>x</mi></mrow>"),
        (
            "(-x)",
            "<mrow><mo stretchy=\"false\">(</mo><mo form=\"prefix\">−</mo><mi>x</mi><mo stretchy=\"false\">)</mo></mrow>"
        ),
        ("a*b", "<mrow><mi>a</mi><mo>∗</mo><mi>b</mi></mrow>"),
        ("a<b", "<mrow><mi>a</mi><mo>&lt;</mo><mi>b</mi></mrow>"),
        ("a>b", "<mrow><mi>a</mi><mo>&gt;</mo><mi>b</mi></mrow>"),
        (#"a \& b"#, "<mrow><mi>a</mi><mi>&amp;</mi><mi>b</mi></mrow>"),
        (
            #"\leq \geq \neq \approx \sim \propto"#,
            "<mrow><mo>≤</mo><mo>≥</mo><mo>≠</mo><mo>≈</mo><mo>∼</mo><mo>∝</mo></mrow>"
        ),
        (
            #"a \cdot b \times c \div d \pm e"#,
            "<mrow><mi>a</mi><mo>⋅</mo><mi>b</mi><mo>×</mo><mi>c</mi><mo>÷</mo><mi>d</mi><mo>±</mo><mi>e</mi></mrow>"
        ),
        (#"x \in A"#, "<mrow><mi>x</mi><mo>∈</mo><mi>A</mi></mrow>"),
        (
            #"p \to q \rightarrow r \Rightarrow s"#,
            "<mrow><mi>p</mi><mo>→</mo><mi>q</mi><mo>→</mo><mi>r</mi><mo>⇒</mo><mi>s</mi></mrow>"
        ),
        (#"\forall x \exists y"#, "<mrow><mi>∀</mi><mi>x</mi><mi>∃</mi><mi>y</mi></mrow>"),
        (#"a \mid b"#, "<mrow><mi>a</mi><mo stretchy=\"false\">∣</mo><mi>b</mi></mrow>"),
        (#"x \not= y"#, "<mrow><mi>x</mi><mo>≠</mo><mi>y</mi></mrow>"),
        (#"1, \ldots, n \cdots"#, "<mrow><mn>1</mn><mo>,</mo><mi>…</mi><mo>,</mo><mi>n</mi><mi>⋯</mi></mrow>"),
    ])
    func symbolsAndOperators(tex: String, expected: String) throws {
        #expect(try MathConverter.presentation(tex, display: false) == expected)
    }

    @Test(arguments: [
        ("x^2", "<msup><mi>x</mi><mn>2</mn></msup>"),
        ("x_i", "<msub><mi>x</mi><mi>i</mi></msub>"),
        ("x_i^2", "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>"),
        ("x^2_i", "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>"),
        ("x^{10}", "<msup><mi>x</mi><mn>10</mn></msup>"),
        ("x^10", "<mrow><msup><mi>x</mi><mn>1</mn></msup><mn>0</mn></mrow>"),
        ("x_{t-1}", "<msub><mi>x</mi><mrow><mi>t</mi><mo>−</mo><mn>1</mn></mrow></msub>"),
        (#"\beta_1^t"#, "<msubsup><mi>β</mi><mn>1</mn><mi>t</mi></msubsup>"),
        ("{}^2", "<msup><mrow></mrow><mn>2</mn></msup>"),
        ("f'", "<mrow><mi>f</mi><mo lspace=\"0\" rspace=\"0\">′</mo></mrow>"),
        ("f''", "<mrow><mi>f</mi><mo lspace=\"0\" rspace=\"0\">″</mo></mrow>"),
        ("f'^2", "<msup><mrow><mi>f</mi><mo lspace=\"0\" rspace=\"0\">′</mo></mrow><mn>2</mn></msup>"),
        ("f'_i", "<msub><mrow><mi>f</mi><mo lspace=\"0\" rspace=\"0\">′</mo></mrow><mi>i</mi></msub>"),
        (
            #"\sum_{i=1}^n i"#,
            "<mrow><msubsup><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></msubsup><mi>i</mi></mrow>"
        ),
        (#"\max_x"#, "<msub><mo lspace=\"0\" rspace=\"0\" movablelimits=\"true\">max</mo><mi>x</mi></msub>"),
    ])
    func scriptsBesideTheBase(tex: String, expected: String) throws {
        #expect(try MathConverter.presentation(tex, display: false) == expected)
    }

    /// In display style TeX puts the scripts of `\sum`, `\prod`, `\max`, `\lim` under and over
    /// them; integrals keep theirs beside, and fractions set their parts in text style.
    @Test(arguments: [
        (#"\sum_{i=1}^n"#, "<munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover>"),
        (#"\prod_i"#, "<munder><mo>∏</mo><mi>i</mi></munder>"),
        (#"\int_0^1"#, "<msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup>"),
        (#"\int\limits_0^1"#, "<munderover><mo>∫</mo><mn>0</mn><mn>1</mn></munderover>"),
        (#"\sum\nolimits_i"#, "<msub><mo>∑</mo><mi>i</mi></msub>"),
        (
            #"\lim_{x \to 0}"#,
            "<munder><mo lspace=\"0\" rspace=\"0\" movablelimits=\"true\">lim</mo><mrow><mi>x</mi><mo>→</mo><mn>0</mn></mrow></munder>"
        ),
        (#"\min_\theta"#, "<munder><mo lspace=\"0\" rspace=\"0\" movablelimits=\"true\">min</mo><mi>θ</mi></munder>"),
        (#"\frac{\sum_i}{2}"#, "<mfrac><msub><mo>∑</mo><mi>i</mi></msub><mn>2</mn></mfrac>"),
        (
            #"\operatorname*{arg\,max}_x"#,
            "<munder><mo lspace=\"0\" rspace=\"0\" movablelimits=\"true\">arg\u{2009}max</mo><mi>x</mi></munder>"
        ),
        (
            #"\underbrace{a+b}_{n}"#,
            "<munder><munder><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mo stretchy=\"true\">⏟</mo></munder><mi>n</mi></munder>"
        ),
    ])
    func limitsInDisplayStyle(tex: String, expected: String) throws {
        #expect(try MathConverter.presentation(tex, display: true) == expected)
    }

    @Test(arguments: [
        (#"\frac{a}{b}"#, "<mfrac><mi>a</mi><mi>b</mi></mfrac>"),
        (#"\frac12"#, "<mfrac><mn>1</mn><mn>2</mn></mfrac>"),
        (#"\frac{1}{n}"#, "<mfrac><mn>1</mn><mi>n</mi></mfrac>"),
        (#"\dfrac{a}{b}"#, "<mfrac displaystyle=\"true\"><mi>a</mi><mi>b</mi></mfrac>"),
        (#"\tfrac{a}{b}"#, "<mfrac displaystyle=\"false\"><mi>a</mi><mi>b</mi></mfrac>"),
        (#"\frac{a+b}{c}"#, "<mfrac><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mi>c</mi></mfrac>"),
        (
            #"\binom{n}{k}"#,
            "<mrow><mo form=\"prefix\" stretchy=\"true\">(</mo><mfrac linethickness=\"0\"><mi>n</mi><mi>k</mi></mfrac><mo form=\"postfix\" stretchy=\"true\">)</mo></mrow>"
        ),
        (#"\sqrt{x}"#, "<msqrt><mi>x</mi></msqrt>"),
        (#"\sqrt{x+1}"#, "<msqrt><mi>x</mi><mo>+</mo><mn>1</mn></msqrt>"),
        (#"\sqrt[3]{x}"#, "<mroot><mi>x</mi><mn>3</mn></mroot>"),
        (#"\sqrt[n+1]{x}"#, "<mroot><mi>x</mi><mrow><mi>n</mi><mo>+</mo><mn>1</mn></mrow></mroot>"),
    ])
    func fractionsAndRoots(tex: String, expected: String) throws {
        #expect(try MathConverter.presentation(tex, display: false) == expected)
    }

    /// Plain delimiters do not stretch (TeX's don't); `\left`/`\right` and `\big` do, and bars
    /// are marked opening or closing by what precedes them.
    @Test(arguments: [
        ("(x)", "<mrow><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo></mrow>"),
        (#"\{x\}"#, "<mrow><mo stretchy=\"false\">{</mo><mi>x</mi><mo stretchy=\"false\">}</mo></mrow>"),
        (
            "|x|",
            "<mrow><mo form=\"prefix\" stretchy=\"false\">|</mo><mi>x</mi><mo form=\"postfix\" stretchy=\"false\">|</mo></mrow>"
        ),
        (
            #"\|x\|_2"#,
            "<mrow><mo form=\"prefix\" stretchy=\"false\">‖</mo><mi>x</mi><msub><mo form=\"postfix\" stretchy=\"false\">‖</mo><mn>2</mn></msub></mrow>"
        ),
        (
            #"\lVert w \rVert"#,
            "<mrow><mo form=\"prefix\" stretchy=\"false\">‖</mo><mi>w</mi><mo form=\"postfix\" stretchy=\"false\">‖</mo></mrow>"
        ),
        (
            #"\left( x \right)"#,
            "<mrow><mo form=\"prefix\" stretchy=\"true\">(</mo><mi>x</mi><mo form=\"postfix\" stretchy=\"true\">)</mo></mrow>"
        ),
        (
            #"\left. x \right|_0"#,
            "<msub><mrow><mi>x</mi><mo form=\"postfix\" stretchy=\"true\">|</mo></mrow><mn>0</mn></msub>"
        ),
        (
            #"\left\{ x \right\}"#,
            "<mrow><mo form=\"prefix\" stretchy=\"true\">{</mo><mi>x</mi><mo form=\"postfix\" stretchy=\"true\">}</mo></mrow>"
        ),
        (
            #"\left\langle x \right\rangle"#,
            "<mrow><mo form=\"prefix\" stretchy=\"true\">⟨</mo><mi>x</mi><mo form=\"postfix\" stretchy=\"true\">⟩</mo></mrow>"
        ),
        (
            #"\left\| x \right\|"#,
            "<mrow><mo form=\"prefix\" stretchy=\"true\">‖</mo><mi>x</mi><mo form=\"postfix\" stretchy=\"true\">‖</mo></mrow>"
        ),
        (
            #"\left[ a \middle| b \right]"#,
            "<mrow><mo form=\"prefix\" stretchy=\"true\">[</mo><mi>a</mi><mo stretchy=\"true\">|</mo><mi>b</mi><mo form=\"postfix\" stretchy=\"true\">]</mo></mrow>"
        ),
        (
            #"\big( x \big)"#,
            "<mrow><mpadded voffset=\"-0.05em\"><mo form=\"prefix\" stretchy=\"false\" lspace=\"0\" rspace=\"0\" style=\"font-size: 1.2em\">(</mo></mpadded><mi>x</mi><mpadded voffset=\"-0.05em\"><mo form=\"postfix\" stretchy=\"false\" lspace=\"0\" rspace=\"0\" style=\"font-size: 1.2em\">)</mo></mpadded></mrow>"
        ),
        (
            #"\Bigl[ x \Bigr]"#,
            "<mrow><mpadded voffset=\"-0.1558em\"><mo form=\"prefix\" stretchy=\"false\" lspace=\"0\" rspace=\"0\" style=\"font-size: 1.623em\">[</mo></mpadded><mi>x</mi><mpadded voffset=\"-0.1558em\"><mo form=\"postfix\" stretchy=\"false\" lspace=\"0\" rspace=\"0\" style=\"font-size: 1.623em\">]</mo></mpadded></mrow>"
        ),
    ])
    func delimiters(tex: String, expected: String) throws {
        #expect(try MathConverter.presentation(tex, display: false) == expected)
    }

    @Test(arguments: [
        (#"\hat{y}"#, "<mover accent=\"true\"><mi>y</mi><mo stretchy=\"false\">^</mo></mover>"),
        (#"\hat y_i"#, "<msub><mover accent=\"true\"><mi>y</mi><mo stretchy=\"false\">^</mo></mover><mi>i</mi></msub>"),
        (#"\bar{x}"#, "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">ˉ</mo></mover>"),
        (#"\tilde{x}"#, "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">~</mo></mover>"),
        (#"\vec{v}"#, "<mover accent=\"true\"><mi>v</mi><mo stretchy=\"true\">\u{20D7}</mo></mover>"),
        (#"\dot{x}"#, "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">˙</mo></mover>"),
        (
            #"\overline{ab}"#,
            "<mrow style=\"border-top: 0.04em solid; padding-top: 0.12em\"><mi>a</mi><mi>b</mi></mrow>"
        ),
        (
            #"\widehat{xy}"#,
            "<mover accent=\"true\"><mrow><mi>x</mi><mi>y</mi></mrow><mo stretchy=\"true\">\u{302}</mo></mover>"
        ),
        (
            #"\overrightarrow{AB}"#,
            "<mover accent=\"true\"><mrow><mi>A</mi><mi>B</mi></mrow><mo stretchy=\"true\">→</mo></mover>"
        ),
        (#"\underline{x}"#, "<mrow style=\"border-bottom: 0.04em solid; padding-bottom: 0.12em\"><mi>x</mi></mrow>"),
    ])
    func accents(tex: String, expected: String) throws {
        #expect(try MathConverter.presentation(tex, display: false) == expected)
    }

    /// Small Greek is italic (MathML's default for one letter); capitals and `\nabla` are upright
    /// in TeX, so they say so. `\epsilon` is the lunate ϵ, `\varepsilon` the open ε.
    @Test(arguments: [
        (#"\alpha"#, "<mi>α</mi>"),
        (#"\epsilon"#, "<mi>ϵ</mi>"),
        (#"\varepsilon"#, "<mi>ε</mi>"),
        (#"\phi \varphi"#, "<mrow><mi>ϕ</mi><mi>φ</mi></mrow>"),
        (#"\Gamma"#, "<mi mathvariant=\"normal\">Γ</mi>"),
        (#"\Omega"#, "<mi mathvariant=\"normal\">Ω</mi>"),
        (#"\nabla f"#, "<mrow><mi mathvariant=\"normal\">∇</mi><mi>f</mi></mrow>"),
        (#"\partial x"#, "<mrow><mi>∂</mi><mi>x</mi></mrow>"),
        (#"\infty"#, "<mi>∞</mi>"),
        ("θ", "<mi>θ</mi>"),
        ("≤", "<mo>≤</mo>"),
    ])
    func greekAndOrdinarySymbols(tex: String, expected: String) throws {
        #expect(try MathConverter.presentation(tex, display: false) == expected)
    }

    /// Named functions are upright words followed by an invisible function application and, when
    /// an operand follows, TeX's thin space; they get one before them after an operand too.
    @Test(arguments: [
        (#"\log x"#, "<mrow><mi>log</mi><mo>&#x2061;</mo><mspace width=\"0.1667em\"></mspace><mi>x</mi></mrow>"),
        (
            #"\log(x)"#,
            "<mrow><mi>log</mi><mo>&#x2061;</mo><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo></mrow>"
        ),
        (
            #"y \ln y"#,
            "<mrow><mi>y</mi><mspace width=\"0.1667em\"></mspace><mi>ln</mi><mo>&#x2061;</mo><mspace width=\"0.1667em\"></mspace><mi>y</mi></mrow>"
        ),
        (
            #"\sin^2 x"#,
            "<mrow><msup><mi>sin</mi><mn>2</mn></msup><mo>&#x2061;</mo><mspace width=\"0.1667em\"></mspace><mi>x</mi></mrow>"
        ),
        (
            #"\exp\left(x\right)"#,
            "<mrow><mi>exp</mi><mo>&#x2061;</mo><mspace width=\"0.1667em\"></mspace><mrow><mo form=\"prefix\" stretchy=\"true\">(</mo><mi>x</mi><mo form=\"postfix\" stretchy=\"true\">)</mo></mrow></mrow>"
        ),
        (
            #"\operatorname{softmax}(z)"#,
            "<mrow><mi>softmax</mi><mo>&#x2061;</mo><mo stretchy=\"false\">(</mo><mi>z</mi><mo stretchy=\"false\">)</mo></mrow>"
        ),
        (#"\operatorname{E}"#, "<mi mathvariant=\"normal\">E</mi>"),
        (#"\mathop{\mathrm{Var}}_x"#, "<msub><mrow><mi>Var</mi></mrow><mi>x</mi></msub>"),
    ])
    func namedFunctions(tex: String, expected: String) throws {
        #expect(try MathConverter.presentation(tex, display: false) == expected)
    }

    /// Alphabets are Unicode's math letters, since MathML Core keeps only `mathvariant="normal"`.
    @Test(arguments: [
        (#"\mathrm{d}x"#, "<mrow><mi mathvariant=\"normal\">d</mi><mi>x</mi></mrow>"),
        (#"\mathrm{MSE}"#, "<mi>MSE</mi>"),
        (#"\mathbf{W}"#, "<mi>𝐖</mi>"),
        (#"\mathbf{x}_1"#, "<msub><mi>𝐱</mi><mn>1</mn></msub>"),
        (#"\mathbf{1}"#, "<mn>𝟏</mn>"),
        (#"\mathbb{R}^n"#, "<msup><mi>ℝ</mi><mi>n</mi></msup>"),
        (#"\mathbb{E}"#, "<mi>𝔼</mi>"),
        (#"\mathcal{L}"#, "<mi>ℒ</mi>"),
        (#"\mathcal{D}"#, "<mi>𝒟</mi>"),
        (#"\mathit{h}"#, "<mi>ℎ</mi>"),
        (#"\mathfrak{g}"#, "<mi>𝔤</mi>"),
        (#"\mathsf{A}\mathtt{b}"#, "<mrow><mi>𝖠</mi><mi>𝚋</mi></mrow>"),
        (#"\boldsymbol{\theta}"#, "<mi>𝜽</mi>"),
        (#"\mathbf{\Sigma}"#, "<mi>𝚺</mi>"),
        (#"\text{if } x"#, "<mrow><mtext>if\u{A0}</mtext><mi>x</mi></mrow>"),
        (#"\text{ a  b }"#, "<mtext>\u{A0}a b\u{A0}</mtext>"),
        (#"\text{损失 \& x<1}"#, "<mtext>损失 &amp; x&lt;1</mtext>"),
        (#"\textbf{w}"#, "<mtext style=\"font-weight: bold\">w</mtext>"),
    ])
    func alphabetsAndText(tex: String, expected: String) throws {
        #expect(try MathConverter.presentation(tex, display: false) == expected)
    }

    @Test(arguments: [
        (#"a\,b"#, "0.1667em"), (#"a\:b"#, "0.2222em"), (#"a\;b"#, "0.2778em"),
        (#"a\quad b"#, "1em"), (#"a\qquad b"#, "2em"), (#"a\ b"#, "0.3333em"), ("a~b", "0.3333em"),
    ])
    func spaces(tex: String, width: String) throws {
        let expected = "<mrow><mi>a</mi><mspace width=\"\(width)\"></mspace><mi>b</mi></mrow>"
        #expect(try MathConverter.presentation(tex, display: false) == expected)
    }

    /// Chromium ignores a negative `mspace` width, so `\!` pulls with a negative margin.
    @Test func negativeThinSpaceIsAMargin() throws {
        let expected = "<mrow><mi>a</mi><mspace style=\"margin-left: -0.1667em\"></mspace><mi>b</mi></mrow>"
        #expect(try MathConverter.presentation(#"a\!b"#, display: false) == expected)
    }

    @Test(arguments: [
        (
            #"\begin{matrix} a & b \\ c & d \end{matrix}"#,
            "<mtable><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr><mtr><mtd><mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr></mtable>"
        ),
        (
            #"\begin{pmatrix} 1 \\ 2 \end{pmatrix}"#,
            "<mrow><mo form=\"prefix\" stretchy=\"true\">(</mo><mtable><mtr><mtd><mn>1</mn></mtd></mtr><mtr><mtd><mn>2</mn></mtd></mtr></mtable><mo form=\"postfix\" stretchy=\"true\">)</mo></mrow>"
        ),
        (
            #"\begin{bmatrix} 1 & 0 \end{bmatrix}"#,
            "<mrow><mo form=\"prefix\" stretchy=\"true\">[</mo><mtable><mtr><mtd><mn>1</mn></mtd><mtd><mn>0</mn></mtd></mtr></mtable><mo form=\"postfix\" stretchy=\"true\">]</mo></mrow>"
        ),
        (
            #"\begin{vmatrix} a \end{vmatrix}"#,
            "<mrow><mo form=\"prefix\" stretchy=\"true\">|</mo><mtable><mtr><mtd><mi>a</mi></mtd></mtr></mtable><mo form=\"postfix\" stretchy=\"true\">|</mo></mrow>"
        ),
        (
            #"\begin{cases} 1 & x > 0 \\ 0 & \text{else} \end{cases}"#,
            "<mrow><mo form=\"prefix\" stretchy=\"true\">{</mo><mtable><mtr><mtd style=\"text-align: -webkit-left\"><mn>1</mn></mtd><mtd style=\"text-align: -webkit-left\"><mi>x</mi><mo>&gt;</mo><mn>0</mn></mtd></mtr><mtr><mtd style=\"text-align: -webkit-left\"><mn>0</mn></mtd><mtd style=\"text-align: -webkit-left\"><mtext>else</mtext></mtd></mtr></mtable></mrow>"
        ),
        (
            #"\begin{array}{rl} a & b \end{array}"#,
            "<mtable><mtr><mtd style=\"text-align: -webkit-right\"><mi>a</mi></mtd><mtd style=\"text-align: -webkit-left\"><mi>b</mi></mtd></mtr></mtable>"
        ),
    ])
    func matricesAndCases(tex: String, expected: String) throws {
        #expect(try MathConverter.presentation(tex, display: true) == expected)
    }

    /// `aligned` pairs columns right/left with no gap inside a pair; the right-hand cell starts
    /// with an empty `<mi>` so `=` keeps its relation spacing (amsmath's `{}`). `align*` is the same.
    @Test(arguments: ["aligned", "align*"])
    func alignedPairsColumns(environment: String) throws {
        let tex = "\\begin{\(environment)} a &= b \\\\ &= c \\\\ \\end{\(environment)}"
        let right = "<mtd style=\"text-align: -webkit-right; padding-right: 0\">"
        let left = "<mtd style=\"text-align: -webkit-left; padding-left: 0\">"
        let expected =
            "<mtable displaystyle=\"true\">"
            + "<mtr>\(right)<mi>a</mi></mtd>\(left)<mi></mi><mo>=</mo><mi>b</mi></mtd></mtr>"
            + "<mtr>\(right)</mtd>\(left)<mi></mi><mo>=</mo><mi>c</mi></mtd></mtr></mtable>"
        #expect(try MathConverter.presentation(tex, display: true) == expected)
    }

    @Test func elementCarriesTheTeXAsAnAnnotation() throws {
        let inline = try MathConverter.mathML("x<y", display: false)
        #expect(
            inline
                == "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"inline\"><semantics>"
                + "<mrow><mi>x</mi><mo>&lt;</mo><mi>y</mi></mrow>"
                + "<annotation encoding=\"application/x-tex\">x&lt;y</annotation></semantics></math>")
        let block = try MathConverter.mathML("\n  a \\& b\n", display: true)
        #expect(block.hasPrefix("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">"))
        #expect(
            block.hasSuffix("<annotation encoding=\"application/x-tex\">a \\&amp; b</annotation></semantics></math>"))
    }

    /// Every formula of the source article converts, and the output is the same every time.
    @Test func articleFormulasConvert() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/math/article.md")
        let (_, spans) = MathProtector.protect(try String(contentsOf: url, encoding: .utf8))
        #expect(spans.filter(\.display).count == 7)
        #expect(spans.filter { !$0.display }.count == 24)
        for span in spans {
            let mathML = try MathConverter.mathML(span.tex, display: span.display)
            #expect(mathML == (try MathConverter.mathML(span.tex, display: span.display)))
            #expect(!mathML.contains("<mrow></mrow></semantics>"))
        }
        let adam = try #require(spans.first { $0.tex.contains("aligned") })
        let markup = try MathConverter.presentation(adam.tex, display: true)
        #expect(markup.components(separatedBy: "<mtr>").count - 1 == 5)
        #expect(
            markup.contains(
                "<msqrt><msub><mover accent=\"true\"><mi>v</mi><mo stretchy=\"false\">^</mo></mover><mi>t</mi></msub></msqrt>"
            ))
        #expect(markup.contains("<msubsup><mi>β</mi><mn>1</mn><mi>t</mi></msubsup>"))
    }

    /// Errors name the command or character at fault and its UTF-8 offset in the formula.
    @Test(arguments: [
        (#"\foo"#, "unsupported TeX command \\foo", 0),
        (#"a + \foo{b}"#, "unsupported TeX command \\foo", 4),
        (#"θ + \mathscr"#, "missing argument for \\mathscr", 5),
        (#"\text{a \bad}"#, "unsupported TeX command \\bad in \\text", 8),
        ("x^", "missing argument for ^", 1),
        ("{a", "'{' is never closed", 0),
        ("a}", "unexpected '}' without a matching '{'", 1),
        ("x^2^3", "double superscript", 3),
        ("x_1_2", "double subscript", 3),
        (#"\left( x"#, "\\left without a matching \\right", 0),
        (#"x \right)"#, "\\right without a matching \\left", 2),
        (#"\left x \right)"#, "\\left must be followed by a delimiter", 6),
        ("a & b", "'&' is only allowed between the cells of an environment such as aligned", 2),
        (#"{a \\ b}"#, "'\\\\' is only allowed between the rows of an environment such as aligned", 3),
        (#"\begin{foo} x \end{foo}"#, "unsupported environment foo", 0),
        (#"\begin{aligned} x"#, "\\begin{aligned} without a matching \\end{aligned}", 0),
        (#"\begin{matrix} x \end{pmatrix}"#, "\\begin{matrix} ended by \\end{pmatrix}", 17),
        (#"\begin{array}{cXc} x \end{array}"#, "array columns other than l, c, r, | and : are not supported: {cXc}", 0),
        (#"\operatorname{$x$}"#, "math inside \\operatorname is not supported", 14),
        (#"x \limits"#, "\\limits must follow an operator such as \\sum", 2),
        (#"\middle|"#, "\\middle is only allowed between \\left and \\right", 0),
        (#"\not\log"#, "\\not is only supported before a relation such as = or \\in", 0),
        ("a # b", "unexpected '#'", 2),
        ("   ", "empty formula", 0),
    ])
    func errorsNameTheCommandAndItsOffset(tex: String, message: String, offset: Int) {
        #expect(throws: MathError(message, offset: offset)) { try MathConverter.mathML(tex, display: true) }
    }
}
