import Foundation
import Testing

@testable import AntibodyReport

/// Renders the report in headless Chromium: the screenshot must not be blank and the DOM must hold
/// the SVG charts. Skipped (with a message) only when no `chromium` is installed; CI installs it.
@Suite struct ChromiumRenderTests {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static func run(_ tool: String, _ arguments: [String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func writeReport() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("antibody-report-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("report.html")
        try HTMLReport.render(sampleReport()).write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    static let flags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--disable-extensions",
    ]

    @Test func domHoldsTheCharts() throws {
        guard let chromium = Self.chromium else {
            print("SKIPPED ChromiumRenderTests.domHoldsTheCharts: chromium is not installed (apt-get install chromium)")
            return
        }
        let file = try Self.writeReport()
        let (status, dom) = try Self.run(chromium, Self.flags + ["--dump-dom", file.absoluteString])
        #expect(status == 0)
        #expect(dom.components(separatedBy: "<svg").count - 1 >= 4)
        #expect(dom.contains("id=\"loss-chart\""))
        #expect(dom.contains("id=\"price-0\""))
        #expect(dom.contains("<polyline"))
    }

    @Test func screenshotIsNotBlank() throws {
        guard let chromium = Self.chromium else {
            print(
                "SKIPPED ChromiumRenderTests.screenshotIsNotBlank: chromium is not installed (apt-get install chromium)"
            )
            return
        }
        let file = try Self.writeReport()
        let png = file.deletingLastPathComponent().appendingPathComponent("shot.png")
        try? FileManager.default.removeItem(at: png)
        let (status, _) = try Self.run(
            chromium,
            Self.flags + [
                "--screenshot=\(png.path)", "--window-size=1000,1400",
                "--hide-scrollbars", file.absoluteString,
            ])
        #expect(status == 0)
        let bytes = try [UInt8](Data(contentsOf: png))
        #expect(bytes.count > 5000)
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // Decode with Python's standard zlib: count distinct pixel values and non-white pixels.
        let script = """
            import sys, zlib, struct
            d = open(sys.argv[1], 'rb').read()
            pos, idat, w, h = 8, b'', 0, 0
            while pos < len(d):
                n, = struct.unpack('>I', d[pos:pos+4]); t = d[pos+4:pos+8]; c = d[pos+8:pos+8+n]
                if t == b'IHDR': w, h, bd, ct = struct.unpack('>IIBB', c[:10])
                if t == b'IDAT': idat += c
                pos += 12 + n
            raw = zlib.decompress(idat)
            bpp = 4 if ct == 6 else 3
            stride = w * bpp
            prev = bytearray(stride); distinct = set(); dark = 0
            for y in range(h):
                f = raw[y*(stride+1)]; line = bytearray(raw[y*(stride+1)+1:(y+1)*(stride+1)])
                for i in range(stride):
                    a = line[i-bpp] if i >= bpp else 0; b = prev[i]; cc = prev[i-bpp] if i >= bpp else 0
                    if f == 1: line[i] = (line[i] + a) & 255
                    elif f == 2: line[i] = (line[i] + b) & 255
                    elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
                    elif f == 4:
                        p = a + b - cc; pa, pb, pc = abs(p-a), abs(p-b), abs(p-cc)
                        line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else cc)) & 255
                if y % 4 == 0:
                    for x in range(0, w, 4):
                        px = bytes(line[x*bpp:x*bpp+3]); distinct.add(px)
                        if sum(px) < 600: dark += 1
                prev = line
            print(w, h, len(distinct), dark)
            """
        let (pyStatus, out) = try Self.run("/usr/bin/python3", ["-c", script, png.path])
        #expect(pyStatus == 0)
        let numbers = out.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Int($0) }
        try #require(numbers.count == 4, "python output: \(out)")
        #expect(numbers[0] == 1000)
        #expect(numbers[2] > 20, "the screenshot has only \(numbers[2]) distinct colours: blank?")
        #expect(numbers[3] > 500, "the screenshot has only \(numbers[3]) non-white sample pixels: blank?")
    }
}
