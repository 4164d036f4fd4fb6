import Foundation
import SVGCharts

/// Converts one TeX formula to a MathML `<math>` element at build time, so pages need no
/// JavaScript and the browser's own MathML Core layout does the typesetting.
///
/// ```swift
/// let html = try MathConverter.mathML(#"\frac{1}{n}"#, display: true)
/// // <math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><semantics><mfrac>…
/// ```
enum MathConverter {
    /// The `<math>` element; the TeX rides along as an annotation, so copying the formula and
    /// screen readers still get the source.
    static func mathML(_ tex: String, display: Bool) throws(MathError) -> String {
        let presentation = try presentation(tex, display: display)
        let source = escapeMarkup(tex.trimmingCharacters(in: .whitespacesAndNewlines))
        return "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"\(display ? "block" : "inline")\">"
            + "<semantics>\(presentation)<annotation encoding=\"application/x-tex\">\(source)</annotation>"
            + "</semantics></math>"
    }

    /// The presentation markup alone (one element), which the tests compare exactly.
    static func presentation(_ tex: String, display: Bool) throws(MathError) -> String {
        var parser = TeXParser(tex, displayStyle: display)
        let nodes = try parser.parseFormula()
        guard !nodes.isEmpty else { throw MathError("empty formula", offset: 0) }
        return MathMLWriter.element(.row(nodes))
    }
}

extension MathConverter {
    /// The `\label{…}` and `\tag{…}` of a display formula, which the page turns into the
    /// formula's id and number; `nil` when the formula does not convert.
    static func equationNumbering(_ tex: String) -> (label: String?, tag: EquationTag?)? {
        var parser = TeXParser(tex, displayStyle: true)
        guard (try? parser.parseFormula()) != nil else { return nil }
        return (parser.equationLabel, parser.equationTag)
    }
}

/// A formula the converter cannot translate, located so the author can find the spot.
struct MathError: Error, Equatable, CustomStringConvertible {
    var message: String
    /// UTF-8 offset in the TeX of the token at fault.
    var offset: Int

    init(_ message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    var description: String { "\(message) (at offset \(offset) of the formula)" }
}
