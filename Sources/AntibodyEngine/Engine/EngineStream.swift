import AntibodyCore
import AntibodyDefense

/// One asset's price stream inside the engine: its Sense stage, where its accepted price is stored,
/// and the detectors and haircut slot it feeds.
struct EngineStream {
    var sense: FeedSense
    var priceHandle: FieldHandle?
    var detectors: [Int]
    var haircutIndex: Int?
    /// Whether the feed's verdict is untrusted (edge for Sense alerts).
    var untrusted = false
}
