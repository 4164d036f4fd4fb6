import NeuralKit
import Testing

@testable import Notebook

/// How values become the text of inline values and table cells, and which numbers `check`
/// compares.
@Suite struct InlineFormatTests {
    @Test func numbersShowFourSignificantDigitsAndKeepTheirValue() {
        let third = InlineFormat.format(Float(1) / 3)
        #expect(third.text == "0.3333")
        #expect(third.number == Double(Float(1) / 3))
        #expect(!third.measured)
        #expect(InlineFormat.format(1234.5678).text == "1235")
        #expect(InlineFormat.format(42).text == "42")
        #expect(InlineFormat.format(Tensor([2.5])).number == 2.5, "a one-element tensor is its number")
    }

    @Test func textIsShownAsItIsAndHasNoNumber() {
        let value = InlineFormat.format("Adam")
        #expect(value.text == "Adam" && value.number == nil)
    }

    @Test func measuredValuesAreShownButMarked() {
        let value = InlineFormat.format(measured(0.125))
        #expect(value.text == "0.125" && value.number == 0.125 && value.measured)
    }

    @Test func tablesEscapeMarkupAndCompareOnlyUnmeasuredNumbers() {
        var table = Table(["name <b>", "loss", "seconds"])
        table.add(["a & \"b\"", 0.5, measured(1.5)])
        let html = table.html()
        #expect(html.contains("<th>name &lt;b&gt;</th>"))
        #expect(html.contains("<td class=\"text\">a &amp; &quot;b&quot;</td>"))
        #expect(table.checkedNumbers == [0.5], "the measured time is not compared")
    }
}
