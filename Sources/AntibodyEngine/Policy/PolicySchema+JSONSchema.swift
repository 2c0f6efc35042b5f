extension PolicySchema {
    /// The policy format as a JSON Schema (draft 2020-12) for editors, generated from ``root`` so
    /// that it always agrees with the validator. Keys are in declaration order; output is stable.
    public static func jsonSchema() -> String {
        var out = "{\n"
        out += "  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n"
        out += "  \"$id\": \"https://github.com/antibody/antibody/schemas/policy.schema.json\",\n"
        out += "  \"title\": \"Antibody policy\",\n"
        out += tableBody(root, indent: 1)
        out += "\n}\n"
        return out
    }

    private static func quote(_ s: String) -> String {
        var r = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": r += "\\\""
            case "\\": r += "\\\\"
            case "\n": r += "\\n"
            default: r.unicodeScalars.append(c)
            }
        }
        return r + "\""
    }

    private static func pad(_ n: Int) -> String { String(repeating: "  ", count: n) }

    private static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
    }

    private static func tableBody(_ table: Table, indent: Int) -> String {
        let p = pad(indent)
        var lines: [String] = []
        lines.append("\(p)\"type\": \"object\"")
        lines.append("\(p)\"description\": \(quote(table.doc))")
        lines.append("\(p)\"additionalProperties\": false")
        let required = table.fields.filter(\.required).map { quote($0.name) }
        if !required.isEmpty { lines.append("\(p)\"required\": [\(required.joined(separator: ", "))]") }
        var props: [String] = []
        for field in table.fields {
            props.append(
                "\(pad(indent + 1))\(quote(field.name)): {\n"
                    + schema(field.kind, range: field.range, doc: field.doc, indent: indent + 2)
                    + "\n\(pad(indent + 1))}")
        }
        lines.append("\(p)\"properties\": {\n" + props.joined(separator: ",\n") + "\n\(p)}")
        return lines.joined(separator: ",\n")
    }

    private static func schema(_ kind: ValueKind, range: ClosedRange<Double>?, doc: String, indent: Int) -> String {
        let p = pad(indent)
        var lines: [String] = []
        if !doc.isEmpty { lines.append("\(p)\"description\": \(quote(doc))") }
        switch kind {
        case .string:
            lines.append("\(p)\"type\": \"string\"")
            lines.append("\(p)\"minLength\": 1")
        case .choice(let options):
            lines.append("\(p)\"enum\": [\(options.map(quote).joined(separator: ", "))]")
        case .integer, .number:
            lines.append("\(p)\"type\": \"\(kindIsInteger(kind) ? "integer" : "number")\"")
            if let range {
                lines.append("\(p)\"minimum\": \(number(range.lowerBound))")
                lines.append("\(p)\"maximum\": \(number(range.upperBound))")
            }
        case .boolean:
            lines.append("\(p)\"type\": \"boolean\"")
        case .duration:
            lines.append("\(p)\"type\": \"string\"")
            lines.append("\(p)\"pattern\": \"^[0-9]+(ms|s|m|h|d)$\"")
        case .array(let element):
            lines.append("\(p)\"type\": \"array\"")
            lines.append("\(p)\"items\": {\n" + schema(element, range: range, doc: "", indent: indent + 1) + "\n\(p)}")
        case .table(let table):
            lines.append(tableBody(table, indent: indent))
        case .tableArray(let table):
            lines.append("\(p)\"type\": \"array\"")
            lines.append("\(p)\"items\": {\n" + tableBody(table, indent: indent + 1) + "\n\(p)}")
        }
        return lines.joined(separator: ",\n")
    }

    private static func kindIsInteger(_ kind: ValueKind) -> Bool {
        if case .integer = kind { return true }
        return false
    }
}
