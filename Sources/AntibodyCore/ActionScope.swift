/// What an ``Action`` applies to: the whole protocol or one named part of it.
///
/// Names are the ones the policy declares (`[[protocol.markets]] name = "WETH"` gives
/// `.market("WETH")`); accounts are hex addresses or simulator agent names.
public enum ActionScope: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Every market, pool, vault and bridge of the protocol.
    case protocolWide
    /// One lending market (a reserve).
    case market(String)
    /// One asset across the protocol, e.g. its outflows.
    case asset(String)
    /// One AMM pool.
    case pool(String)
    /// One vault (e.g. ERC-4626).
    case vault(String)
    /// One bridge.
    case bridge(String)
    /// One account (EOA or contract).
    case account(String)

    /// `"protocol"`, `"market:WETH"`, `"account:0xabc…"`, … — stable, used in reports and JSON.
    public var description: String {
        switch self {
        case .protocolWide: "protocol"
        case .market(let name): "market:\(name)"
        case .asset(let name): "asset:\(name)"
        case .pool(let name): "pool:\(name)"
        case .vault(let name): "vault:\(name)"
        case .bridge(let name): "bridge:\(name)"
        case .account(let name): "account:\(name)"
        }
    }
}
