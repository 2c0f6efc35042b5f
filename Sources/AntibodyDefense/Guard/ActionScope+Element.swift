public import AntibodyCore

extension ActionScope {
    /// The scope of an invariant element as ``InvariantOutcome`` names it (`"vault:yvUSDC"`), or
    /// the whole protocol for `nil` or an unknown kind.
    public init(element: String?) {
        guard let element, let colon = element.firstIndex(of: ":") else {
            self = .protocolWide
            return
        }
        let name = String(element[element.index(after: colon)...])
        switch element[..<colon] {
        case "market": self = .market(name)
        case "pool": self = .pool(name)
        case "vault": self = .vault(name)
        case "bridge": self = .bridge(name)
        case "asset": self = .asset(name)
        default: self = .protocolWide
        }
    }
}
