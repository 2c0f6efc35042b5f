import AntibodyCore
import AntibodySense
import Foundation
import Testing

@Suite struct RecordedInputTests {
    @Test func isoTimesMatchTheUnixClock() {
        // Values from GNU date: `date -u -d 2022-06-12T00:00:00Z +%s` = 1654992000.
        #expect(RecordedTime.parse("2022-06-12T00:00:00Z") == Timestamp(seconds: 1_654_992_000))
        #expect(RecordedTime.parse("2022-05-12T00:00:00Z") == Timestamp(seconds: 1_652_313_600))
        #expect(RecordedTime.parse("1652313600") == Timestamp(seconds: 1_652_313_600))
        #expect(RecordedTime.parse("1652313600.5") == Timestamp(milliseconds: 1_652_313_600_500))
        #expect(RecordedTime.parse("2022-06-12T00:00:00.250Z") == Timestamp(milliseconds: 1_654_992_000_250))
        #expect(RecordedTime.iso8601(Timestamp(seconds: 1_654_992_000)) == "2022-06-12T00:00:00Z")
        #expect(RecordedTime.iso8601(Timestamp(milliseconds: 951_782_400_007)) == "2000-02-29T00:00:00.007Z")
        for bad in ["", "-1", "2022-13-01T00:00:00Z", "2022-06-12 00:00:00", "nan", "99999999999999", "1e400"] {
            #expect(RecordedTime.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func roundsParseInAnyColumnOrder() throws {
        let text = """
            answer,roundId,updatedAt,startedAt,answeredInRound\r
            200000000000,18446744073709551617,1652313600,1652313590,18446744073709551617\r

            """
        let rounds = try FeedRoundCSV.parse(text)
        #expect(rounds.count == 1)
        #expect(rounds[0].roundId == UInt128(1) << 64 + 1)
        #expect(rounds[0].answer == 200_000_000_000)
        #expect(rounds[0].startedAt == Timestamp(seconds: 1_652_313_590))
    }

    @Test func malformedRoundsFailWithTheLine() {
        func message(_ text: String) -> String {
            do {
                _ = try FeedRoundCSV.parse(text, name: "r.csv")
                return "parsed"
            } catch {
                return error.message
            }
        }
        let header = FeedRoundCSV.header
        #expect(message("") .contains("empty file"))
        #expect(message(header) .contains("no rounds"))
        #expect(message("roundId,answer\n1,2").contains("missing column \"startedat\""))
        #expect(message("\(header)\n1,abc,1,1,1").contains("r.csv:2: answer"))
        #expect(message("\(header)\n1208925819614629174706176,1,1,1,1").contains("uint80"))
        #expect(message("\(header)\n1,1,1,tomorrow,1").contains("r.csv:2: updatedAt"))
        #expect(message("\(header)\n1,1,1,1").contains("missing field 5"))
        #expect(message("\(header)\n1,1e400,1,1,1").contains("answer"))
    }

    @Test(.enabled(if: MarketData.available, "needs shared/data/markets"))
    func quotesReadBinanceKlinesAsTheyAre() throws {
        let path = try #require(MarketData.directory) + "/june-2022-crash/BTC_USDT_1m.csv"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let quotes = try QuoteCSV.parse(text, name: path)
        #expect(quotes.count == 12_960)
        #expect(quotes[0].timestamp == Timestamp(seconds: 1_654_992_000))
        #expect(quotes[0].price == 28_409.52)
        #expect(quotes.allSatisfy { $0.price >= 17_622 && $0.price <= 28_545 })
    }

    @Test func malformedQuotesFailWithTheLine() {
        #expect(throws: SenseError.self) { try QuoteCSV.parse("time,value\n1,2") }
        #expect(throws: SenseError.self) { try QuoteCSV.parse("timestamp,price\n1,inf") }
        #expect(throws: SenseError.self) { try QuoteCSV.parse("timestamp,price,confidence\n1,2,-1") }
        #expect(throws: SenseError.self) { try QuoteCSV.parse("timestamp,price\n") }
        #expect(throws: SenseError.self) { try QuoteCSV.parse("timestamp,price\n" + String(repeating: "9", count: 5_000)) }
    }
}
