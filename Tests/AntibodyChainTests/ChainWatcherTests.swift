import AntibodyCore
import AntibodyMath
import Testing

@testable import AntibodyChain

/// The watcher's state machine driven with hand-built blocks and logs (no chain): decoding, planning,
/// re-orgs, bounds. Topics and ABI words come from eth_utils / eth_abi (an independent implementation).
@Suite("ChainWatcher")
struct ChainWatcherTests {
    static let vault = try! EthereumAddress(hex: "0x" + String(repeating: "aa", count: 20))
    static let token = try! EthereumAddress(hex: "0x" + String(repeating: "bb", count: 20))
    static let other = try! EthereumAddress(hex: "0x" + String(repeating: "cc", count: 20))
    static let feed = try! EthereumAddress(hex: "0x" + String(repeating: "dd", count: 20))
    static let user = try! EthereumAddress(hex: "0x" + String(repeating: "ee", count: 20))

    static func word(_ address: EthereumAddress) -> [UInt8] { Array(repeating: 0, count: 12) + address.bytes }
    static func word(_ value: UInt64) -> [UInt8] {
        Array(repeating: 0, count: 24) + (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * $0)) }
    }
    static func hash(_ n: UInt64, fork: UInt8 = 0) -> [UInt8] {
        [fork] + Array(repeating: 0, count: 23) + word(n).suffix(8)
    }

    static func log(
        _ topic: String, _ address: EthereumAddress = vault, asset: EthereumAddress = token, amount: UInt64,
        index: UInt64, block: UInt64
    ) -> LogEntry {
        let topics = [try! Hex.decode(topic), word(user), word(asset)]
        return try! LogEntry(
            json: .object([
                "address": .string(address.description), "topics": .array(topics.map { .string(Hex.encode($0)) }),
                "data": .string(Hex.encode(word(amount))), "blockNumber": .string("0x" + String(block, radix: 16)),
                "transactionHash": .string(Hex.encode(hash(block))),
                "logIndex": .string("0x" + String(index, radix: 16)),
            ]))
    }

    static let withdrawTopic = "0x9b1bfa7fa9ee420a16e124f794c35ac9f90472acc99140eb2f6447c714cad8eb"
    static let depositTopic = "0x5548c837ab068cf56a2c2479df0882a4922fd203edb7517321831d95078c5f62"
    static let heldTopic = "0xf86533f86add94039799fde0da893bab49281fb77a889e7ca6c1b881862186de"
    static let claimedTopic = "0xf7a40077ff7a04c7e61f6f26fb13774259ddf1b6bce9ecf26a8276cdd3992683"

    static func block(_ n: UInt64, fork: UInt8 = 0, parentFork: UInt8 = 0, logs: [LogEntry] = []) -> WatchedBlock {
        WatchedBlock(
            number: n, hash: hash(n, fork: fork),
            parentHash: n == 0 ? Array(repeating: 0, count: 32) : hash(n - 1, fork: parentFork),
            timestamp: 1_000 + 12 * n, logs: logs)
    }

    static func configuration(
        confirmations: UInt64 = 0, range: UInt64 = 500, lag: UInt64 = 100_000, history: Int = 64
    ) -> ChainWatcher.Configuration {
        ChainWatcher.Configuration(
            vault: vault,
            assets: [WatchedAsset(token: token, symbol: "TT", decimals: 6, statePath: "vault.totalAssets")],
            feeds: [WatchedFeed(address: feed, stream: "ETH", decimals: 8)], confirmations: confirmations,
            maximumRange: range, maximumLag: lag, history: history)
    }

    @Test func topicsAndSelectorsMatchEthUtils() {
        #expect(
            ChainWatcher.watchedTopics.map { Hex.encode($0) }
                == [Self.depositTopic, Self.withdrawTopic, Self.heldTopic, Self.claimedTopic])
        #expect(Hex.encode(FeedRound.latestRoundData.selector) == "0xfeaf968c")
        #expect(Hex.encode(ProtectedVaultContract.Functions.totalAssets.selector) == "0xf3e0ffbf")
    }

    @Test func feedRoundDecodesEthAbiWords() throws {
        // eth_abi.encode(['uint80','int256','uint256','uint256','uint80'], [7, -123456789, 1000, 4000000123, 7])
        let data = try Hex.decode(
            "0x0000000000000000000000000000000000000000000000000000000000000007"
                + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffff8a432eb"
                + "00000000000000000000000000000000000000000000000000000000000003e8"
                + "00000000000000000000000000000000000000000000000000000000ee6b287b"
                + "0000000000000000000000000000000000000000000000000000000000000007")
        let round = try FeedRound(returnData: data)
        #expect(
            round
                == FeedRound(
                    roundId: 7, answer: -123_456_789, startedAt: Timestamp(seconds: 1_000),
                    updatedAt: Timestamp(seconds: 4_000_000_123), answeredInRound: 7))
        #expect(throws: ChainError.self) { try FeedRound(returnData: Array(data.prefix(100))) }
        // eth_abi.encode(['uint80','int256','uint256','uint256','uint80'], [2**80-1, 2**127-1, 0, 0, 2**80-2]):
        // the widest values the type keeps, exactly.
        let widest = try Hex.decode(
            "0x00000000000000000000000000000000000000000000ffffffffffffffffffff"
                + "000000000000000000000000000000007fffffffffffffffffffffffffffffff"
                + String(repeating: "0", count: 128)
                + "00000000000000000000000000000000000000000000fffffffffffffffffffe")
        let wide = try FeedRound(returnData: widest)
        #expect(wide.roundId == FeedRound.maxRoundId && wide.answeredInRound == FeedRound.maxRoundId - 1)
        #expect(wide.answer == Int128.max && wide.startedAt == .epoch && wide.updatedAt == .epoch)
        // [1, 2**127, 1, 1, 1] and [1, -2**127 - 1, 1, 1, 1]: answers beyond 128 bits are refused.
        for answer in [
            "0000000000000000000000000000000080000000000000000000000000000000",
            "ffffffffffffffffffffffffffffffff7fffffffffffffffffffffffffffffff",
        ] {
            var words = data
            words.replaceSubrange(32..<64, with: try Hex.decode("0x" + answer))
            #expect(throws: ChainError.self) { try FeedRound(returnData: words) }
        }
        // [7, 1, 2**64, 1, 7]: a startedAt that is no Unix time in seconds is refused.
        var late = data
        late.replaceSubrange(64..<96, with: Array(repeating: 0, count: 23) + [1] + Array(repeating: 0, count: 8))
        #expect(throws: ChainError.self) { try FeedRound(returnData: late) }
    }

    @Test func decodesVaultLogsStateAndFeedRounds() throws {
        var watcher = ChainWatcher(configuration: Self.configuration())
        var b0 = Self.block(
            0,
            logs: [
                Self.log(Self.withdrawTopic, amount: 2_500_000, index: 1, block: 0),
                Self.log(Self.depositTopic, amount: 10_000_000, index: 0, block: 0),
                Self.log(Self.withdrawTopic, Self.other, amount: 1, index: 2, block: 0),  // another contract: not ours
                Self.log(Self.withdrawTopic, asset: Self.other, amount: 1, index: 3, block: 0),  // unknown asset
                Self.log(Self.heldTopic, amount: 5, index: 4, block: 0),
                Self.log(Self.claimedTopic, amount: 1_000_000, index: 5, block: 0),
            ])
        b0.vaultBalances[Self.token] = 6_500_000
        let round = FeedRound(roundId: 3, answer: 200_000_000_000, updatedAt: Timestamp(seconds: 990))
        b0.feedRounds[Self.feed] = round
        guard case .events(let events) = try watcher.ingest([b0]) else {
            Issue.record("expected events")
            return
        }
        let t = Timestamp(seconds: 1_000)
        let account = Self.user.description
        #expect(
            events == [
                .block(number: 0, timestamp: t),
                .flow(asset: "TT", amount: 10, account: account, timestamp: t),
                .flow(asset: "TT", amount: -2.5, account: account, timestamp: t),
                .flow(asset: "TT", amount: -1, account: account, timestamp: t),
                .state(path: "vault.totalAssets", value: 6.5, timestamp: t),
                .observation(
                    Observation(
                        stream: "ETH", timestamp: Timestamp(seconds: 990), value: 2_000, source: "feed:\(Self.feed)",
                        round: round)),
            ])
        #expect(watcher.heldOutflows == 1)
        #expect(watcher.logsIgnored == 1)
        #expect(watcher.nextBlock == 1)
        // The same round again is not a new observation.
        var b1 = Self.block(1)
        b1.feedRounds[Self.feed] = round
        #expect(try watcher.ingest([b1]) == .events([.block(number: 1, timestamp: Timestamp(seconds: 1_012))]))
    }

    @Test func plansBoundedRangesBelowTheConfirmationDepth() throws {
        let watcher = ChainWatcher(configuration: Self.configuration(confirmations: 3, range: 10, lag: 50))
        #expect(try watcher.plan(head: 2) == nil)
        #expect(try watcher.plan(head: 3) == 0...0)
        #expect(try watcher.plan(head: 40) == 0...9)
        #expect(watcher.lag(head: 40) == 38)
        #expect(throws: ChainError.self) { try watcher.plan(head: 100) }
        do {
            _ = try watcher.plan(head: 100)
        } catch {
            #expect(error.isLagging)
            #expect(error.message.contains("98 blocks behind"))
        }
    }

    @Test func stepsBackThroughAReorgAndResumesOnTheNewChain() throws {
        var watcher = ChainWatcher(configuration: Self.configuration())
        _ = try watcher.ingest([Self.block(0), Self.block(1), Self.block(2)])
        // Block 3 of a fork whose block 2 differs.
        #expect(try watcher.ingest([Self.block(3, fork: 1, parentFork: 1)]) == .reorganized(resumeAt: 2))
        #expect(watcher.nextBlock == 2)
        // The fork's block 2 builds on our block 1: accepted, then its block 3.
        guard
            case .events(let events) = try watcher.ingest([
                Self.block(2, fork: 1), Self.block(3, fork: 1, parentFork: 1),
            ])
        else {
            Issue.record("expected events")
            return
        }
        #expect(events.count == 2)
        #expect(watcher.reorgSteps == 1)
        #expect(watcher.nextBlock == 4)
    }

    @Test func aReorgDeeperThanTheHistoryIsATypedError() throws {
        var watcher = ChainWatcher(configuration: Self.configuration(history: 2))
        _ = try watcher.ingest((0...4).map { Self.block($0) })
        #expect(try watcher.ingest([Self.block(5, fork: 1, parentFork: 1)]) == .reorganized(resumeAt: 4))
        #expect(try watcher.ingest([Self.block(4, fork: 1, parentFork: 1)]) == .reorganized(resumeAt: 3))
        do {
            _ = try watcher.ingest([Self.block(3, fork: 1, parentFork: 1)])
            Issue.record("expected a reorganization error")
        } catch {
            #expect(error.isReorganization)
        }
    }

    @Test func refusesBlocksThatWereNotPlanned() throws {
        var watcher = ChainWatcher(configuration: Self.configuration())
        #expect(throws: ChainError.self) { try watcher.ingest([Self.block(1)]) }
        #expect(throws: ChainError.self) { try watcher.ingest([Self.block(0), Self.block(2)]) }
        #expect(throws: ChainError.self) { try watcher.ingest([Self.block(0), Self.block(1, parentFork: 9)]) }
        var short = Self.block(0)
        short.hash = [1, 2, 3]
        #expect(throws: ChainError.self) { try watcher.ingest([short]) }
        #expect(watcher.nextBlock == 0)
    }
}
