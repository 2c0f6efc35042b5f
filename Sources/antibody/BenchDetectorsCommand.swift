import AntibodyCore
import AntibodyDetect
import ArgumentParser
import Foundation

/// `antibody bench detectors`: events per second of the streaming detectors.
struct BenchDetectorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detectors",
        abstract: "Measure the streaming detectors' throughput (events per second).",
        discussion: """
            Feeds the same seeded series of --events values (Gaussian noise with a level shift) \
            through each detector in a plain timing loop and prints events per second of the \
            thread's CPU time (time spent waiting for a core on a busy machine does not count): \
            ewma-z, robust-z (w = 256), cusum, page-hinkley, ks (w = 256). Build with -c release.
            """
    )

    @Option(help: "Events per detector (at least 1000).")
    var events: Int = 10_000_000

    @Flag(help: "Print [{name, eventsPerSecond}] as JSON.")
    var json = false

    func validate() throws {
        guard events >= 1000 && events <= 1_000_000_000 else {
            throw CommandFailure.badInput("--events must be between 1000 and 1000000000")
        }
    }

    func run() throws {
        var state: UInt64 = 0x5EED
        var values = [Double](repeating: 0, count: events)
        for i in 0..<events {
            // Sum of four uniforms: cheap, roughly Gaussian noise; a level shift halfway.
            var s = 0.0
            for _ in 0..<4 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                s += Double(state >> 11) / Double(1 << 53)
            }
            values[i] = s - 2 + (i >= events / 2 ? 0.5 : 0)
        }
        let results: [(String, Double)] = [
            ("ewma-z", Self.measure(EWMAZScore(), values)),
            ("robust-z", Self.measure(RobustZScore(window: 256), values)),
            ("cusum", Self.measure(CUSUM(), values)),
            ("page-hinkley", Self.measure(PageHinkley(), values)),
            ("ks", Self.measure(WindowedKS(window: 256), values)),
        ]
        if json {
            let items = results.map { "{\"name\": \"\($0.0)\", \"eventsPerSecond\": \(Int($0.1.rounded()))}" }
            print("[" + items.joined(separator: ", ") + "]")
        } else {
            for (name, rate) in results {
                print(
                    name.padding(toLength: 14, withPad: " ", startingAt: 0)
                        + String(format: "%10.2f M events/s  (%.2f ns/event)", rate / 1e6, 1e9 / rate))
            }
        }
    }

    /// Feeds every value to a local copy of `detector` and returns the sum of the scores.
    @inline(never)
    static func run<D: Detector>(_ detector: D, _ values: [Double]) -> Double {
        var d = detector
        var sink = 0.0
        var i: Int64 = 0
        for x in values {
            sink += d.update(x, at: Timestamp(milliseconds: i))
            i &+= 1
        }
        return sink
    }

    /// CPU time consumed by this thread, in seconds: on a shared machine, time spent waiting for a
    /// core does not count against the detector.
    static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    /// Events per second of `detector` over `values` (one pass, after a short warm-up pass).
    static func measure<D: Detector>(_ detector: D, _ values: [Double]) -> Double {
        var warm = detector
        var sink = 0.0
        for i in 0..<min(values.count, 10_000) {
            sink += warm.update(values[i], at: Timestamp(milliseconds: Int64(i)))
        }
        let start = threadCPUSeconds()
        sink += run(detector, values)
        let seconds = threadCPUSeconds() - start
        if sink.isNaN { print("") }  // keeps the loop observable
        return Double(values.count) / max(seconds, 1e-9)
    }
}
