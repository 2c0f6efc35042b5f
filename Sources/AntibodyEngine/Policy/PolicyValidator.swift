import AntibodyDefense
import AntibodyTOML

/// Checks a parsed TOML document against ``PolicySchema``: unknown keys, missing required keys,
/// wrong types, out-of-range values and malformed durations, each with its position.
struct PolicyValidator {
    let file: String
    let index: TOMLPositionIndex
    var diagnostics: [PolicyDiagnostic] = []

    init(file: String, index: TOMLPositionIndex) {
        self.file = file
        self.index = index
    }

    mutating func error(_ path: String, onValue: Bool = true, _ message: String, hint: String) {
        let entry = index.entry(for: path)
        diagnostics.append(
            PolicyDiagnostic(
                file: file, position: onValue ? entry.value : entry.key, path: path,
                message: message, hint: hint))
    }

    mutating func validate(_ table: TOMLTable, _ spec: PolicySchema.Table, path: String) -> PolicyNode {
        var result: [String: PolicyNode] = [:]
        for key in table.keys.sorted() {
            let childPath = path.isEmpty ? key : "\(path).\(key)"
            guard let field = spec.field(key) else {
                let names = spec.fields.map(\.name)
                error(
                    childPath, onValue: false, "unknown key '\(key)'\(path.isEmpty ? "" : " in [\(path)]")",
                    hint: Self.suggest(key, names) + "allowed keys: " + names.joined(separator: ", "))
                continue
            }
            guard let value = table[key] else { continue }
            if let node = validate(value, field, path: childPath) { result[key] = node }
        }
        for field in spec.fields where field.required && table[field.name] == nil {
            error(
                path, onValue: false, "missing required key '\(field.name)'\(path.isEmpty ? "" : " in [\(path)]")",
                hint: "add \(field.name) = … (\(field.doc))")
        }
        return .table(result)
    }

    static func describe(_ kind: PolicySchema.ValueKind) -> String {
        switch kind {
        case .string: "a string"
        case .choice(let options): "one of " + options.map { "\"\($0)\"" }.joined(separator: ", ")
        case .integer: "an integer"
        case .number: "a number"
        case .boolean: "true or false"
        case .duration: "a duration string such as \"30s\", \"5m\", \"4h\" or \"3d\""
        case .array(let element):
            "an array of \(describe(element).replacingFirst("a ", with: "").replacingFirst("an ", with: ""))s"
        case .table: "a table"
        case .tableArray: "an array of tables ([[…]])"
        }
    }

    static func typeName(_ value: TOMLValue) -> String { value.type.described }

    mutating func validate(_ value: TOMLValue, _ field: PolicySchema.Field, path: String) -> PolicyNode? {
        validate(value, field.kind, range: field.range, name: field.name, path: path)
    }

    mutating func validate(
        _ value: TOMLValue, _ kind: PolicySchema.ValueKind, range: ClosedRange<Double>?,
        name: String, path: String
    ) -> PolicyNode? {
        func wrongType() -> PolicyNode? {
            error(
                path, "'\(name)' must be \(Self.describe(kind)), not \(Self.typeName(value))",
                hint: Self.example(kind, name))
            return nil
        }
        func checkRange(_ x: Double, shown: String) -> Bool {
            guard let range, !range.contains(x) else { return true }
            error(
                path,
                "'\(name)' is \(shown), outside \(Self.format(range.lowerBound))…\(Self.format(range.upperBound))",
                hint: "use a value between \(Self.format(range.lowerBound)) and \(Self.format(range.upperBound))")
            return false
        }
        switch kind {
        case .string:
            guard let s = value.string else { return wrongType() }
            guard !s.isEmpty, s.utf8.count <= 4_096 else {
                error(path, "'\(name)' must not be empty or longer than 4096 bytes", hint: "give a short name or value")
                return nil
            }
            return .string(s)
        case .choice(let options):
            guard let s = value.string else { return wrongType() }
            guard options.contains(s) else {
                error(
                    path, "'\(name)' is \"\(s)\", which is not allowed",
                    hint: Self.suggest(s, options) + "use one of " + options.map { "\"\($0)\"" }.joined(separator: ", ")
                )
                return nil
            }
            return .string(s)
        case .integer:
            guard value.type == .int, let i = value.int else { return wrongType() }
            return checkRange(Double(i), shown: "\(i)") ? .integer(i) : nil
        case .number:
            let d: Double
            if value.type == .int, let i = value.int {
                d = Double(i)
            } else if let x = value.double {
                d = x
            } else {
                return wrongType()
            }
            guard d.isFinite else {
                error(path, "'\(name)' must be finite", hint: "inf and nan are not allowed")
                return nil
            }
            return checkRange(d, shown: Self.format(d)) ? .number(d) : nil
        case .boolean:
            guard let b = value.bool, value.type == .bool else { return wrongType() }
            return .boolean(b)
        case .duration:
            guard let s = value.string else { return wrongType() }
            guard let ms = Self.parseDuration(s) else {
                error(
                    path, "'\(name)' is \"\(s)\", not a duration",
                    hint: "write a number and a unit: ms, s, m, h or d, e.g. \"30m\"")
                return nil
            }
            return checkRange(Double(ms) / 1000, shown: "\"\(s)\"") ? .duration(ms) : nil
        case .array(let element):
            guard value.type == .array, let array = value.array else { return wrongType() }
            guard array.count <= 10_000 else {
                error(path, "'\(name)' has \(array.count) elements", hint: "keep arrays under 10000 elements")
                return nil
            }
            var nodes: [PolicyNode] = []
            for (i, item) in array.enumerated() {
                guard let node = validate(item, element, range: range, name: "\(name)[\(i)]", path: "\(path)[\(i)]")
                else {
                    return nil
                }
                nodes.append(node)
            }
            return .array(nodes)
        case .table(let spec):
            guard value.type == .table, let table = value.table else { return wrongType() }
            return validate(table, spec, path: path)
        case .tableArray(let spec):
            guard value.type == .array, let array = value.array else { return wrongType() }
            var nodes: [PolicyNode] = []
            for (i, item) in array.enumerated() {
                guard item.type == .table, let table = item.table else {
                    error("\(path)[\(i)]", "'\(name)' must be an array of tables", hint: "write [[\(path)]] sections")
                    return nil
                }
                nodes.append(validate(table, spec, path: "\(path)[\(i)]"))
            }
            return .array(nodes)
        }
    }

    static func example(_ kind: PolicySchema.ValueKind, _ name: String) -> String {
        switch kind {
        case .string: "quote it: \(name) = \"…\""
        case .choice(let options): "e.g. \(name) = \"\(options[0])\""
        case .integer: "write a whole number without quotes, e.g. \(name) = 3"
        case .number: "write a number without quotes, e.g. \(name) = 0.5"
        case .boolean: "write \(name) = true or false"
        case .duration: "e.g. \(name) = \"30m\""
        case .array: "e.g. \(name) = [\"a\", \"b\"]"
        case .table: "write a [\(name)] section"
        case .tableArray: "write one or more [[\(name)]] sections"
        }
    }

    /// Parses `"500ms"`, `"30s"`, `"5m"`, `"4h"`, `"3d"` into milliseconds.
    static func parseDuration(_ text: String) -> Int64? {
        let units: [(String, Int64)] = [("ms", 1), ("s", 1_000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000)]
        for (unit, factor) in units where text.hasSuffix(unit) {
            let number = text.dropLast(unit.count)
            if unit == "s" && number.hasSuffix("m") { continue }
            guard !number.isEmpty, number.allSatisfy(\.isASCII), number.allSatisfy(\.isNumber),
                let n = Int64(number), case let (ms, false) = n.multipliedReportingOverflow(by: factor)
            else { return nil }
            return ms
        }
        return nil
    }

    static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    static func suggest(_ name: String, _ candidates: [String]) -> String {
        func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
            if a.isEmpty { return b.count }
            if b.isEmpty { return a.count }
            var row = Array(0...b.count)
            for i in 1...a.count {
                var previous = row[0]
                row[0] = i
                for j in 1...b.count {
                    let saved = row[j]
                    row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                    previous = saved
                }
            }
            return row[b.count]
        }
        let best = candidates.map { ($0, distance(Array($0.lowercased().utf8), Array(name.lowercased().utf8))) }
            .min { $0.1 < $1.1 }
        if let best, best.1 <= max(2, name.count / 3) { return "did you mean '\(best.0)'? " }
        return ""
    }
}

extension String {
    func replacingFirst(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
