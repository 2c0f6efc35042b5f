import AntibodyCore
import AntibodySense

extension PolicyBuilder {
    /// Builds one `[[feeds]]` entry: its sources, the ``FeedGuard`` bounds and the
    /// ``SourceAggregator`` settings, with cross-field checks positioned on the offending key.
    mutating func feed(_ node: PolicyNode, asset: String, path: String) -> Policy.Feed? {
        let sources = names(node["sources"], "\(path).sources")
        var ok = true
        if sources.count > SourceSet.capacity - 1 {
            error(
                "\(path).sources", "\(sources.count) sources; a feed takes at most \(SourceSet.capacity - 1)",
                hint: "keep the independent sources that matter")
            ok = false
        }
        let minPrice = node["min_price"]?.number
        let maxPrice = node["max_price"]?.number
        if let minPrice, let maxPrice, minPrice >= maxPrice {
            error(
                "\(path).max_price", "max_price \(maxPrice) is not above min_price \(minPrice)",
                hint: "set max_price above min_price")
            ok = false
        }
        let heartbeat = node["heartbeat"]?.milliseconds
        let grace = node["grace"]?.milliseconds
        if node["max_staleness"] != nil, heartbeat != nil {
            error(
                "\(path).heartbeat", "both max_staleness and heartbeat are set",
                hint: "give one: max_staleness is heartbeat + grace")
            ok = false
        }
        if grace != nil, heartbeat == nil {
            error("\(path).grace", "grace without heartbeat", hint: "set heartbeat, or use max_staleness alone")
            ok = false
        }
        let graceDuration = Timestamp.Duration(
            milliseconds: grace ?? FeedConfig.defaultGrace.milliseconds)
        let maxStaleness: Timestamp.Duration? =
            if let heartbeat {
                Timestamp.Duration(milliseconds: heartbeat + graceDuration.milliseconds)
            } else {
                node["max_staleness"]?.milliseconds.map { Timestamp.Duration(milliseconds: $0) }
            }
        let twapSource = node["twap_source"]?.string
        if let twapSource, !sources.contains(twapSource) {
            error(
                "\(path).twap_source", "twap_source '\(twapSource)' is not one of the feed's sources",
                hint: PolicyValidator.suggest(twapSource, sources)
                    + (sources.isEmpty ? "list it in sources" : "sources: " + sources.joined(separator: ", ")))
            ok = false
        }
        if node["max_twap_divergence"] != nil, twapSource == nil {
            error(
                "\(path).max_twap_divergence", "max_twap_divergence without twap_source",
                hint: "name the TWAP source with twap_source")
            ok = false
        }
        let quorum = node["quorum"]?.integer ?? 1
        let slots = sources.isEmpty ? 1 : sources.count
        if quorum > slots {
            error(
                "\(path).quorum", "quorum \(quorum) exceeds the \(slots) source\(slots == 1 ? "" : "s") of the feed",
                hint: "list more sources or lower the quorum")
            ok = false
        }
        guard ok else { return nil }
        var aggregator = AggregatorConfig()
        aggregator.minimumQuorum = quorum
        aggregator.quorumFraction = node["quorum_fraction"]?.number ?? aggregator.quorumFraction
        aggregator.madMultiplier = node["mad_k"]?.number ?? aggregator.madMultiplier
        aggregator.minimumSpread = node["min_spread"]?.number ?? aggregator.minimumSpread
        aggregator.moveTolerance = node["move_tolerance"]?.number ?? aggregator.moveTolerance
        aggregator.moveQuorumFraction = node["move_quorum_fraction"]?.number ?? aggregator.moveQuorumFraction
        let feed = Policy.Feed(
            asset: asset, sources: sources, maxStaleness: maxStaleness, minPrice: minPrice, maxPrice: maxPrice,
            grace: heartbeat == nil ? .seconds(0) : graceDuration, maxJump: node["max_jump"]?.number,
            aggregator: aggregator, twapSource: twapSource,
            maxTWAPDivergence: node["max_twap_divergence"]?.number ?? 0.05)
        do {
            try feed.guardConfig.validate()
            try feed.aggregator.validate()
        } catch {
            self.error(
                path, onValue: false, "feed for '\(asset)': \(error.message)", hint: "see docs/policy.md, [[feeds]]")
            return nil
        }
        return feed
    }
}
