/// JSON string literals, written the one way every JSON writer in Antibody writes them: quotes,
/// backslashes, `\n`, `\r` and `\t` escaped by name, other control characters as `\u00XX`, and
/// everything else as is (UTF-8, no `\u` escapes for non-ASCII text).
public enum JSONString {
    /// Appends `text` as a quoted JSON string literal to `out`.
    public static func append(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// `text` as a quoted JSON string literal.
    public static func quoted(_ text: String) -> String {
        var out = ""
        append(text, to: &out)
        return out
    }
}
