import AntibodyTOML
import Foundation
import Testing

/// The folder of this file's fixtures.
let fixtures: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast()
    return parts.joined(separator: "/") + "/Fixtures/toml-test"
}()

/// The official toml-test cases in Fixtures/ (see Fixtures/README.md): valid documents decode to
/// the suite's expected JSON, invalid ones are refused with a position.
@Suite struct TOMLSuiteTests {
    static func names(_ folder: String, _ ext: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: "\(fixtures)/\(folder)")) ?? []
        return files.filter { $0.hasSuffix(".\(ext)") }.map { String($0.dropLast(ext.count + 1)) }.sorted()
    }

    @Test func fixturesArePresent() {
        #expect(Self.names("valid", "toml").count >= 5)
        #expect(Self.names("invalid", "toml").count >= 15)
    }

    @Test(arguments: names("valid", "toml"))
    func validDocumentDecodesAsExpected(_ name: String) throws {
        let source = try String(contentsOfFile: "\(fixtures)/valid/\(name).toml", encoding: .utf8)
        let expected = try JSONSerialization.jsonObject(
            with: try Data(contentsOf: URL(fileURLWithPath: "\(fixtures)/valid/\(name).json")))
        let table = try TOMLTable.parse(source)
        let problems = Self.compare(.init(.table(table), at: .init(line: 1, column: 1)), expected, path: "")
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test(arguments: names("invalid", "toml"))
    func invalidDocumentIsRefused(_ name: String) throws {
        let source = try String(contentsOfFile: "\(fixtures)/invalid/\(name).toml", encoding: .utf8)
        do {
            _ = try TOMLTable.parse(source)
            Issue.record("accepted \(name)")
        } catch {
            #expect(error.position.line >= 1 && error.position.column >= 1)
            #expect(!error.message.isEmpty && !error.hint.isEmpty)
        }
    }

    /// Differences between a decoded value and toml-test's tagged JSON.
    static func compare(_ value: TOMLValue, _ json: Any, path: String) -> [String] {
        switch value.kind {
        case .table(let table):
            guard let object = json as? [String: Any] else { return ["\(path): expected a table"] }
            var problems: [String] = []
            if Set(object.keys) != Set(table.keys) {
                problems.append("\(path): keys \(table.keys.sorted()) vs \(object.keys.sorted())")
            }
            for key in table.keys {
                guard let child = table[key], let other = object[key] else { continue }
                problems += compare(child, other, path: "\(path).\(key)")
            }
            return problems
        case .array(let items):
            guard let array = json as? [Any], array.count == items.count else {
                return ["\(path): expected an array of \(items.count)"]
            }
            return zip(items, array).enumerated().flatMap { compare($1.0, $1.1, path: "\(path)[\($0)]") }
        default:
            guard let tagged = json as? [String: String], let type = tagged["type"], let text = tagged["value"] else {
                return ["\(path): expected a tagged scalar"]
            }
            switch value.kind {
            case .string(let s):
                return type == "string" && s == text ? [] : ["\(path): \(s) vs \(type) \(text)"]
            case .integer(let i):
                return type == "integer" && Int64(text) == i ? [] : ["\(path): \(i) vs \(type) \(text)"]
            case .float(let d):
                let e = text == "inf" || text == "+inf" ? .infinity : text == "-inf" ? -.infinity : Double(text)
                let same = (d.isNaN && text.hasSuffix("nan")) || e == d
                return type == "float" && same ? [] : ["\(path): \(d) vs \(type) \(text)"]
            case .boolean(let b):
                return type == "bool" && text == String(b) ? [] : ["\(path): \(b) vs \(type) \(text)"]
            case .dateTime(let d):
                let expectedType =
                    switch d.type {
                    case .date: "date-local"
                    case .time: "time-local"
                    default: d.offsetMinutes == nil ? "datetime-local" : "datetime"
                    }
                return type == expectedType && d.description == text ? [] : ["\(path): \(d) vs \(type) \(text)"]
            default:
                return ["\(path): unexpected"]
            }
        }
    }
}
