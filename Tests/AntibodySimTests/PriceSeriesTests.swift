import AntibodyCore
import AntibodySim
import Foundation
import Testing

@Suite struct PriceSeriesTests {
    static let marketsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data/markets")

    @Test func parsesISOAndUnixTimestamps() throws {
        let iso = try PriceSeries.parse(csv: "timestamp,close\n2022-06-12T00:00:00Z,10\n2022-06-12T00:01:00Z,11\n")
        #expect(iso.timestamps[0] == Timestamp(seconds: 1_654_992_000))
        #expect(iso.interval == .minutes(1))
        #expect(iso.prices == [10, 11])
        let unix = try PriceSeries.parse(csv: "time,price\n100,1.5\n112,1.6\n124,1.7")
        #expect(unix.interval == .seconds(12))
        #expect(unix.prices == [1.5, 1.6, 1.7])
    }

    @Test func rejectsBadRowsWithFileAndLine() {
        func message(_ csv: String) -> String {
            do {
                _ = try PriceSeries.parse(csv: csv, source: "p.csv")
                return "accepted"
            } catch { return error.message }
        }
        #expect(message("time,price\n0,1\n60,0\n120,1").hasPrefix("p.csv:3: price 0 must be"))
        #expect(message("time,price\n0,1\n60,2\n120,-3").hasPrefix("p.csv:4: price -3 must be"))
        #expect(message("time,price\n0,1\n60,2\n180,3").hasPrefix("p.csv:4: gap of 120.0 s"))
        #expect(message("time,price\n0,1\n60,2\n60,3").hasPrefix("p.csv:4: timestamp 60 is not after"))
        #expect(message("time,price\n0,1\n60,abc").hasPrefix("p.csv:3: price \"abc\" is not a number"))
        #expect(message("time,price\n0,1\n60,nan").hasPrefix("p.csv:3: price nan must be finite"))
        #expect(message("time,price\nyesterday,1").hasPrefix("p.csv:2: timestamp"))
        #expect(message("when,price\n0,1").hasPrefix("p.csv:1: no timestamp column"))
        #expect(message("time,close\n0,1,2").hasPrefix("p.csv:2: 3 fields"))
        #expect(message("time,price\n").hasPrefix("p.csv: no data rows"))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: marketsDirectory.path)))
    func loadsRealBinanceSeriesAndReplaysIt() throws {
        let path = Self.marketsDirectory.appendingPathComponent("june-2022-crash/BTC_USDT_1m.csv").path
        let series = try PriceSeries.load(csv: path)
        #expect(series.prices.count == 12_960)
        #expect(series.interval == .minutes(1))
        #expect(series.prices.min()! >= 17_622 && series.prices.max()! <= 28_545)
        var replay = ReplayPath(series: series)
        var rng = Xoshiro256StarStar(seed: 0)
        #expect(replay.price == 28_409.52)
        #expect(replay.next(using: &rng) == 28_412.55)
        for _ in 0..<20_000 { _ = replay.next(using: &rng) }
        #expect(replay.isExhausted)
    }

    @Test func missingFileIsAClearError() {
        #expect(throws: SimError.self) { try PriceSeries.load(csv: "/nonexistent/prices.csv") }
    }
}
