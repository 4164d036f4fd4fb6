/// `-p name=value` arguments, read into name → value.
public enum ParameterOverrides {
    /// Each argument split at its first `=`; the name must be a Swift identifier and appear
    /// once. (The value is checked against the parameter's type when the chapter loads.)
    public static func parse(_ arguments: [String]) throws(BookError) -> [String: String] {
        var overrides: [String: String] = [:]
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "=") else {
                throw BookError(path: "-p", "expected name=value, got '\(argument)'")
            }
            let name = String(argument[..<equals])
            guard let first = name.first, first.isLetter || first == "_",
                name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
            else {
                throw BookError(path: "-p", "'\(name)' in '\(argument)' is not a parameter name")
            }
            guard overrides.updateValue(String(argument[argument.index(after: equals)...]), forKey: name) == nil else {
                throw BookError(path: "-p", "parameter '\(name)' is given twice")
            }
        }
        return overrides
    }
}
