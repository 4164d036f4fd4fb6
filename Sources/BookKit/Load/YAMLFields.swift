import Yams

/// A YAML mapping read field by field, so every error names the file and line of the key or
/// value at fault, and unknown keys are rejected (a typo is an error, not a silent default).
struct YAMLFields {
    let file: String
    /// Added to Yams's line numbers (front matter starts below the `---` line).
    let lineOffset: Int
    private let pairs: [(key: String, keyNode: Node, value: Node)]
    private let location: SourceLocation

    /// Parses `text` as a YAML mapping (empty text is an empty mapping).
    init(yaml text: String, file: String, lineOffset: Int = 0) throws(BookError) {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw YAMLFields.locate(error, file: file, lineOffset: lineOffset)
        } catch {
            throw BookError(file: file, line: lineOffset + 1, "invalid YAML: \(error)")
        }
        try self.init(node ?? Node([(Node, Node)]()), file: file, lineOffset: lineOffset)
    }

    init(_ node: Node, file: String, lineOffset: Int) throws(BookError) {
        self.file = file
        self.lineOffset = lineOffset
        self.location = SourceLocation(
            file: file, line: (node.mark?.line ?? 1) + lineOffset, column: node.mark?.column ?? 1)
        guard let mapping = node.mapping else {
            throw BookError(location, "expected a mapping of key: value")
        }
        pairs = mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
    }

    /// Throws for the first key not in `allowed`, naming the allowed ones.
    func rejectUnknownKeys(_ allowed: [String]) throws(BookError) {
        for pair in pairs where !allowed.contains(pair.key) {
            throw BookError(
                place(pair.keyNode),
                "unknown key '\(pair.key)' (expected one of: \(allowed.joined(separator: ", ")))")
        }
    }

    /// The value node of `key`, if present.
    func node(_ key: String) -> Node? {
        pairs.first { $0.key == key }?.value
    }

    func string(_ key: String) throws(BookError) -> String? {
        guard let value = node(key) else { return nil }
        guard let text = value.scalar?.string else { throw BookError(place(value), "'\(key)' must be text") }
        return text
    }

    /// A finite number, at least `minimum` (or above it, when not `inclusive`).
    func double(_ key: String, atLeast minimum: Double = -.greatestFiniteMagnitude, inclusive: Bool = true)
        throws(BookError) -> Double?
    {
        guard let value = node(key) else { return nil }
        guard let number = value.scalar.flatMap({ Double($0.string) }), number.isFinite else {
            throw BookError(place(value), "'\(key)' must be a finite number")
        }
        guard inclusive ? number >= minimum : number > minimum else {
            let bound = "\(inclusive ? "at least" : "more than") \(String(format: "%g", minimum))"
            throw BookError(place(value), "'\(key)' must be \(bound)")
        }
        return number
    }

    func unsigned(_ key: String) throws(BookError) -> UInt64? {
        guard let value = node(key) else { return nil }
        guard let number = value.scalar.flatMap({ UInt64($0.string) }) else {
            throw BookError(place(value), "'\(key)' must be a non-negative integer")
        }
        return number
    }

    func stringList(_ key: String) throws(BookError) -> [String]? {
        guard let value = node(key) else { return nil }
        guard let items = value.sequence else { throw BookError(place(value), "'\(key)' must be a list") }
        var strings: [String] = []
        for item in items {
            guard let text = item.scalar?.string else { throw BookError(place(item), "items of '\(key)' must be text") }
            strings.append(text)
        }
        return strings
    }

    func fields(_ key: String) throws(BookError) -> YAMLFields? {
        guard let value = node(key) else { return nil }
        return try YAMLFields(value, file: file, lineOffset: lineOffset)
    }

    /// The keys in document order, with their value nodes.
    var entries: [(key: String, keyNode: Node, value: Node)] { pairs }

    /// The file location of a node.
    func place(_ node: Node) -> SourceLocation {
        SourceLocation(file: file, line: (node.mark?.line ?? 1) + lineOffset, column: node.mark?.column ?? 1)
    }

    private static func locate(_ error: YamlError, file: String, lineOffset: Int) -> BookError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            BookError(file: file, line: mark.line + lineOffset, column: mark.column, "invalid YAML: \(problem)")
        default:
            BookError(file: file, line: lineOffset + 1, "invalid YAML: \(error)")
        }
    }
}
