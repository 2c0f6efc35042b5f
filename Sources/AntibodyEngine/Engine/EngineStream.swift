import AntibodyCore
import AntibodyDefense

/// What the engine keeps per price stream (an asset): its feed bounds, where its price lives in
/// the state, its detectors and its last accepted time. Not nested in the generic ``Engine`` so
/// that accessing it needs no generic metadata at run time.
struct EngineStream {
    var feed: Policy.Feed?
    var priceHandle: FieldHandle?
    var detectors: [Int]
    var lastTime: Timestamp?
    var haircutIndex: Int?
}
