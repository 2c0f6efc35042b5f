/// How one simulator observation stream reaches the engine: as a price of a policy asset, as a
/// protocol state field, or as an outflow of an asset.
///
/// The simulator names its streams after what it measures (`"TOKEN/USD"`, `"vault:v share price"`,
/// `"bridge:nomad outflow"`); the policy names assets and fields. A scenario file's `[streams]`
/// table joins the two, so the same policy file can guard the simulator and a live protocol.
public enum StreamMapping: Hashable, Sendable {
    /// The value is a price of policy asset `asset`.
    case asset(String)
    /// The value is protocol state field `path` (e.g. `"bridge.outflow"`); with `cumulative`, each
    /// value is added to the running total first.
    case state(path: String, cumulative: Bool)
    /// The value is an amount of `asset` leaving the protocol (sent to the outflow limiter).
    case outflow(asset: String)
}
