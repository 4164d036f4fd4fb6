import Foundation
import Yams

/// The YAML between `---` lines at the top of a chapter.
struct FrontMatter {
    var title: String?
    var seed: UInt64?
    var tolerance: Double?
    var parameters: [Parameter] = []
    /// The chapter text with the front matter replaced by empty lines, so Markdown line
    /// numbers stay those of the file.
    var body: String

    static let allowedKeys = ["title", "params", "seed", "tolerance"]

    init(splitting text: String, path: String) throws(BookError) {
        var lines = text.components(separatedBy: "\n")
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else {
            body = text
            return
        }
        guard let closing = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" })
        else {
            throw BookError(file: path, line: 1, "front matter starting here has no closing '---' line")
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        for index in 0...closing { lines[index] = "" }
        body = lines.joined(separator: "\n")

        let fields = try YAMLFields(yaml: yaml, file: path, lineOffset: 1)
        try fields.rejectUnknownKeys(FrontMatter.allowedKeys)
        title = try fields.string("title")
        seed = try fields.unsigned("seed")
        tolerance = try fields.double("tolerance", atLeast: 0)
        if let params = try fields.fields("params") {
            parameters = try params.entries.map { entry throws(BookError) in
                try FrontMatter.parameter(entry.key, entry.keyNode, entry.value, fields: params)
            }
        }
    }

    /// A parameter typed by its YAML value: integer, floating point, boolean or text.
    private static func parameter(
        _ name: String, _ keyNode: Node, _ value: Node, fields: YAMLFields
    ) throws(BookError) -> Parameter {
        let location = fields.place(keyNode)
        guard name.first.map({ $0.isLetter || $0 == "_" }) == true,
            name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
        else {
            throw BookError(location, "parameter name '\(name)' is not a Swift identifier")
        }
        guard let scalar = value.scalar else {
            throw BookError(fields.place(value), "parameter '\(name)' must be a number, a boolean or text")
        }
        // Plain scalars are typed by how they read; quoted ones are always text.
        var text = scalar.string
        let kind: Parameter.Kind
        if scalar.style != .plain {
            kind = .string
        } else if Int(text) != nil {
            kind = .int
        } else if let number = Double(text) {
            guard number.isFinite else {
                throw BookError(fields.place(value), "parameter '\(name)' must be a finite number, got \(text)")
            }
            kind = .float
            text = String(Float(number))
        } else if let flag = value.bool {
            kind = .bool
            text = String(flag)
        } else {
            kind = .string
        }
        return Parameter(name: name, kind: kind, value: text, location: location)
    }
}
