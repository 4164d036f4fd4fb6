import Testing
import SVGCharts

@testable import BookKit

@Suite struct HTMLTests {
    @Test(arguments: [
        ("a < b && \"c\" > d", "a &lt; b &amp;&amp; &quot;c&quot; &gt; d"),
        ("中文：“引号”", "中文：“引号”"),
        // A combining mark joins the scalar before it into one Character.
        ("\"\u{301} <\u{301} &\u{301}", "&quot;\u{301} &lt;\u{301} &amp;\u{301}"),
    ])
    func escapesEveryMarkupScalar(text: String, escaped: String) {
        #expect(escapeMarkup(text).unicodeScalars.elementsEqual(escaped.unicodeScalars))
    }
}
