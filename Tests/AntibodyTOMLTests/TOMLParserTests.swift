import AntibodyTOML
import Testing

@Suite struct TOMLParserTests {
    func parse(_ s: String) throws -> TOMLTable { try TOMLTable.parse(s) }

    @Test func stringsOfAllFourKinds() throws {
        let t = try parse(
            #"""
            basic = "tab\there \"q\" \\ \u00E9 \U0001F600 \b\f\r\n"
            literal = 'C:\Users\nodejs\templates'
            multi = """
            Roses are red
            Violets are blue"""
            folded = """\
                   The quick brown \
                   fox."""
            quotes = """Two quotes: "". Ends with two: """""
            raw = '''
            The first newline is
            trimmed in raw strings.
               All other whitespace
               is preserved.
            '''
            rawquotes = ''''That,' she said.''''
            empty = ""
            "quoted key" = 1
            'literal key' = 2
            """#)
        #expect(t["basic"]?.string == "tab\there \"q\" \\ é 😀 \u{8}\u{c}\r\n")
        #expect(t["literal"]?.string == #"C:\Users\nodejs\templates"#)
        #expect(t["multi"]?.string == "Roses are red\nViolets are blue")
        #expect(t["folded"]?.string == "The quick brown fox.")
        #expect(t["quotes"]?.string == #"Two quotes: "". Ends with two: """#)
        #expect(
            t["raw"]?.string
                == "The first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n")
        #expect(t["rawquotes"]?.string == "'That,' she said.'")
        #expect(t["empty"]?.string == "")
        #expect(t["quoted key"]?.int == 1 && t["literal key"]?.int == 2)
    }

    @Test func integersAndFloats() throws {
        let t = try parse(
            """
            a = +99
            b = -17
            c = 0
            d = 1_000_000
            e = 0xDEAD_beef
            f = 0o755
            g = 0b1101_0110
            max = 9223372036854775807
            min = -9223372036854775808
            h = 0x7FFFFFFFFFFFFFFF
            x = 6.626e-34
            y = -2E-2
            z = 5e+22
            u = 224_617.445_991
            pinf = +inf
            ninf = -inf
            qnan = nan
            """)
        #expect(t["a"]?.int == 99 && t["b"]?.int == -17 && t["c"]?.int == 0 && t["d"]?.int == 1_000_000)
        #expect(t["e"]?.int == 0xDEAD_BEEF && t["f"]?.int == 0o755 && t["g"]?.int == 0b1101_0110)
        #expect(t["max"]?.int == Int.max && t["min"]?.int == Int.min && t["h"]?.int == Int.max)
        #expect(t["x"]?.double == 6.626e-34 && t["y"]?.double == -0.02 && t["z"]?.double == 5e22)
        #expect(t["u"]?.double == 224_617.445_991)
        #expect(t["pinf"]?.double == .infinity && t["ninf"]?.double == -.infinity && t["qnan"]?.double?.isNaN == true)
        #expect(t["a"]?.type == .int && t["x"]?.type == .double)
    }

    @Test func datesAndTimes() throws {
        let t = try parse(
            """
            odt1 = 1979-05-27T07:32:00Z
            odt2 = 1979-05-27T00:32:00.999999-07:00
            odt3 = 1979-05-27 07:32:00+05:30
            ldt = 1979-05-27T07:32:00.5
            ld = 2024-02-29
            lt = 00:32:00.999999999
            """)
        #expect(t["odt1"]?.dateTime?.description == "1979-05-27T07:32:00Z")
        #expect(t["odt2"]?.dateTime?.offsetMinutes == -420 && t["odt2"]?.dateTime?.time?.nanosecond == 999_999_000)
        #expect(t["odt3"]?.dateTime?.description == "1979-05-27T07:32:00+05:30")
        #expect(t["ldt"]?.dateTime?.offsetMinutes == nil && t["ldt"]?.type == .dateTime)
        #expect(t["ld"]?.type == .date && t["ld"]?.dateTime?.date?.day == 29)
        #expect(t["lt"]?.type == .time && t["lt"]?.dateTime?.time?.nanosecond == 999_999_999)
    }

    @Test func tablesArraysAndDottedKeys() throws {
        let t = try parse(
            """
            name.first = "Tom"
            name.last = "Preston-Werner"
            point = { x = 1, y = 2, z.w = 3 }
            nested = [ [1, 2], ["a", 'b'], [], [{}] ]
            trailing = [
              1,  # one
              2,  # two
            ]

            [dog."tater.man"]
            type.name = "pug"

            [a.b.c]
            [a]
            d = true

            [[products]]
            name = "Hammer"
            [products.details]
            weight = 1
            [[products]]
            [[products]]
            name = "Nail"
            """)
        #expect(t["name"]?.table?["last"]?.string == "Preston-Werner")
        #expect(t["point"]?.table?["z"]?.table?["w"]?.int == 3)
        #expect(t["nested"]?.array?.count == 4 && t["nested"]?.array?[1].array?[1].string == "b")
        #expect(t["trailing"]?.array?.count == 2)
        #expect(t["dog"]?.table?["tater.man"]?.table?["type"]?.table?["name"]?.string == "pug")
        #expect(t["a"]?.table?["d"]?.bool == true && t["a"]?.table?["b"]?.table?["c"]?.table?.isEmpty == true)
        let products = t["products"]?.array ?? []
        #expect(products.count == 3)
        #expect(products[0].table?["details"]?.table?["weight"]?.int == 1)
        #expect(products[1].table?.isEmpty == true && products[2].table?["name"]?.string == "Nail")
        #expect(t.keys == ["name", "point", "nested", "trailing", "dog", "a", "products"])
    }

    @Test func windowsLineEnds() throws {
        let t = try parse("a = 1\r\n[t]\r\nb = \"\"\"\r\nx\r\ny\"\"\"\r\nc = 'z' # note\r\n")
        #expect(t["a"]?.int == 1)
        let table = try #require(t["t"]?.table)
        #expect(table["b"]?.string == "x\ny")
        #expect(table["c"]?.position == TOMLPosition(line: 6, column: 5))
    }

    @Test func positionsOfKeysAndValues() throws {
        let t = try parse(
            """
            # header
            [protocol]
            name = "P"
              assets = ["A", "B"]
            expr = \"\"\"
            x > 1\"\"\"

            [[feeds]]
            asset = "A"
            """)
        let proto = try #require(t.member("protocol"))
        #expect(proto.keyPosition == TOMLPosition(line: 2, column: 1))
        let table = try #require(proto.value.table)
        #expect(table.member("name")?.keyPosition == TOMLPosition(line: 3, column: 1))
        #expect(table["name"]?.position == TOMLPosition(line: 3, column: 8))
        #expect(table["name"]?.contentPosition == TOMLPosition(line: 3, column: 9))
        #expect(table.member("assets")?.keyPosition == TOMLPosition(line: 4, column: 3))
        #expect(table["assets"]?.array?[1].position == TOMLPosition(line: 4, column: 18))
        #expect(table["expr"]?.contentPosition == TOMLPosition(line: 6, column: 1))
        let feed = try #require(t["feeds"]?.array?.first)
        #expect(feed.position == TOMLPosition(line: 8, column: 1))
        #expect(feed.table?["asset"]?.position == TOMLPosition(line: 9, column: 9))
    }

    struct Bad: CustomTestStringConvertible, Sendable {
        var source: String
        var line: Int
        var column: Int
        var words: String
        var testDescription: String { "\(line):\(column) \(words)" }
        init(_ source: String, _ line: Int, _ column: Int, _ words: String) {
            self.source = source
            self.line = line
            self.column = column
            self.words = words
        }
    }

    static let bad: [Bad] = [
        Bad("a = 1\na = 2", 2, 1, "already defined at 1:1"),
        Bad("[t]\n[t]", 2, 1, "defined twice"),
        Bad("[t.x]\n[t]\n[t]", 3, 1, "defined twice"),
        Bad("a.b = 1\n[a]", 2, 1, "already defined by the dotted key"),
        Bad("[a.b]\nx = 1\n[a]\nb.y = 2", 4, 1, "adds to a table already created by the header"),
        Bad("a = {x = 1}\na.y = 2", 2, 1, "inline table cannot be extended"),
        Bad("a = [1]\n[[a]]", 2, 3, "cannot be extended"),
        Bad("[[a]]\n[a]", 2, 1, "array of tables"),
        Bad("[a]\n[[a]]", 2, 3, "names the table [a]"),
        Bad("a = 1\n[a.b]", 2, 2, "already an integer"),
        Bad("x = ", 1, 5, "expected a value, found the end of the file"),
        Bad("x = \n", 1, 5, "expected a value, found a line break"),
        Bad("x = 1 2", 1, 7, "expected the end of the line"),
        Bad("x = \"abc", 1, 5, "never closed"),
        Bad("x = \"a\nb\"", 1, 7, "line break inside the string"),
        Bad("x = \"\\q\"", 1, 6, "escape \\q is not valid"),
        Bad("x = \"\\uD800\"", 1, 6, "not a Unicode scalar"),
        Bad("x = \"\\u12\"", 1, 6, "needs 4 hex digits"),
        Bad("x = \"\u{1}\"", 1, 6, "control character U+0001"),
        Bad("x = \"\"\"a\"\"\"\"\"\"", 1, 9, "quotes in a row"),
        Bad("x = 01", 1, 5, "leading zeros"),
        Bad("x = 1__0", 1, 5, "not a valid number"),
        Bad("x = 9223372036854775808", 1, 5, "does not fit"),
        Bad("x = -9223372036854775809", 1, 5, "does not fit"),
        Bad("x = 0x8000000000000000", 1, 5, "does not fit"),
        Bad("x = -0x1", 1, 5, "cannot have a sign"),
        Bad("x = 1e400", 1, 5, "too large"),
        Bad("x = 1.", 1, 5, "not a valid number"),
        Bad("x = .5", 1, 5, "expected a value"),
        Bad("x = True", 1, 5, "expected a value"),
        Bad("x = truex", 1, 5, "expected a value"),
        Bad("x = 1979-02-29", 1, 5, "not a calendar date"),
        Bad("x = 1979-05-27T24:00:00", 1, 5, "out of range"),
        Bad("x = 07:32", 1, 5, "not a valid date or time"),
        Bad("x = [1, 2", 1, 10, "not closed"),
        Bad("x = [1 2]", 1, 8, "expected ',' or ']'"),
        Bad("x = [1,,2]", 1, 8, "expected a value, found ','"),
        Bad("x = {a = 1,}", 1, 12, "trailing comma"),
        Bad("x = {a = 1\n}", 1, 11, "expected ',' or '}'"),
        Bad("x = {a = 1, a = 2}", 1, 13, "already defined"),
        Bad("= 1", 1, 1, "expected a key"),
        Bad("a b = 1", 1, 3, "expected '='"),
        Bad("[a", 1, 3, "expected ']'"),
        Bad("[[a]", 1, 5, "expected ']]'"),
        Bad("[[[a]]]", 1, 3, "expected a key"),
        Bad("[=a]", 1, 2, "expected a key"),
        Bad("[.a]", 1, 2, "expected a key"),
        Bad("[]", 1, 2, "expected a key"),
        Bad("a.\"\"\"b\"\"\" = 1", 1, 3, "multi-line string"),
        Bad("a = 1\r", 1, 6, "carriage return"),
        Bad("# comment \u{7F}", 1, 11, "in a comment"),
        Bad("é = 1", 1, 1, "'é' (U+00E9)"),
        // CRLF line ends: the old line-based preflight missed these headers and toml++ aborted.
        Bad("a = 1\r\n[.b]\r\n", 2, 2, "expected a key"),
        Bad("a = 1\r\n[\r\n", 2, 2, "expected a key, found a line break"),
    ]

    @Test(arguments: bad)
    func malformedDocumentHasExactPosition(_ c: Bad) {
        do {
            _ = try TOMLTable.parse(c.source)
            Issue.record("accepted: \(c.source)")
        } catch {
            #expect(error.position == TOMLPosition(line: c.line, column: c.column), "\(error)")
            #expect(error.message.contains(c.words), "\(error)")
            #expect(!error.hint.isEmpty)
        }
    }

    @Test func boundsOnDepthAndSize() {
        let deepArray = "x = " + String(repeating: "[", count: 100_000)
        let deepInline = "x = " + String(repeating: "{a=", count: 10_000)
        let deepKey = String(repeating: "a.", count: 10_000) + "b = 1"
        let deepHeader = "[" + String(repeating: "a.", count: 10_000) + "b]"
        for source in [deepArray, deepInline, deepKey, deepHeader] {
            let error = #expect(throws: TOMLError.self) { _ = try TOMLTable.parse(source) }
            #expect(error?.isLimit == true)
        }
        let nested = "x = " + String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { _ = try TOMLTable.parse(nested) }
        #expect(throws: TOMLError.self) { _ = try TOMLTable.parse(nested, maxDepth: 63) }
        let large = #expect(throws: TOMLError.self) {
            _ = try TOMLTable.parse(String(repeating: "# x\n", count: 100), maxBytes: 100)
        }
        #expect(large?.isLimit == true)
    }

    @Test func largeDocumentParsesInLinearTime() throws {
        // 20 000 array-of-tables elements and a 100 000-element array: quadratic work would time out.
        let tables = String(repeating: "[[t]]\nx = 1\n", count: 20_000)
        let array = "a = [" + String(repeating: "1,", count: 100_000) + "]\n"
        let t = try TOMLTable.parse(array + tables, maxBytes: 1 << 22)
        #expect(t["t"]?.array?.count == 20_000 && t["a"]?.array?.count == 100_000)
    }
}
