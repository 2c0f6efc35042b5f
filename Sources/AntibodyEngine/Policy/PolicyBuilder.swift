import AntibodyCore
import AntibodyDefense
import AntibodySense

/// Builds a ``Policy`` from a validated node tree, resolving references (detector → breaker,
/// scopes → declared parts, feeds → assets), checking cross-field rules and compiling invariants.
struct PolicyBuilder {
    let file: String
    let index: TOMLPositionIndex
    var diagnostics: [PolicyDiagnostic]

    mutating func error(_ path: String, onValue: Bool = true, _ message: String, hint: String) {
        let entry = index.entry(for: path)
        diagnostics.append(
            PolicyDiagnostic(
                file: file, position: onValue ? entry.value : entry.key, path: path,
                message: message, hint: hint))
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.utf8.first, first != UInt8(ascii: "-") else { return false }
        return s.utf8.count <= 64
            && s.utf8.allSatisfy { c in
                (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 || c == 45 || c == 46
            }
    }

    mutating func names(_ node: PolicyNode?, _ path: String) -> [String] {
        guard let node else { return [] }
        let values = node.strings
        var seen = Set<String>()
        for (i, name) in values.enumerated() {
            if !Self.isIdentifier(name) {
                error(
                    "\(path)[\(i)]", "'\(name)' is not a valid name",
                    hint: "use letters, digits, '_', '-' or '.', at most 64 characters")
            }
            if !seen.insert(name).inserted {
                error("\(path)[\(i)]", "'\(name)' is declared twice", hint: "remove the duplicate")
            }
        }
        return values
    }

    func duration(_ node: PolicyNode?, default value: Timestamp.Duration) -> Timestamp.Duration {
        node?.milliseconds.map { Timestamp.Duration(milliseconds: $0) } ?? value
    }

    /// Parses `protocol`, `market:X`, … against the declared parts.
    mutating func scope(_ text: String, _ path: String, parts: [String: [String]]) -> ActionScope? {
        if text == "protocol" { return .protocolWide }
        let pieces = text.split(separator: ":", maxSplits: 1).map(String.init)
        let kinds = ["market", "pool", "vault", "bridge", "asset"]
        guard pieces.count == 2, kinds.contains(pieces[0]) else {
            error(
                path, "scope \"\(text)\" is malformed",
                hint:
                    "write \"protocol\" or kind:name with kind one of \(kinds.joined(separator: ", ")), e.g. \"market:WETH\""
            )
            return nil
        }
        let declared = parts[pieces[0]] ?? []
        guard declared.contains(pieces[1]) else {
            error(
                path, "scope \"\(text)\" refers to \(pieces[0]) '\(pieces[1])', which the protocol does not declare",
                hint: PolicyValidator.suggest(pieces[1], declared)
                    + (declared.isEmpty
                        ? "declare it in protocol.\(pieces[0])s"
                        : "declared \(pieces[0])s: " + declared.joined(separator: ", ")))
            return nil
        }
        switch pieces[0] {
        case "market": return .market(pieces[1])
        case "pool": return .pool(pieces[1])
        case "vault": return .vault(pieces[1])
        case "bridge": return .bridge(pieces[1])
        default: return .asset(pieces[1])
        }
    }

    mutating func uniqueNames(_ items: [PolicyNode], _ path: String) {
        var seen: [String: Int] = [:]
        for (i, item) in items.enumerated() {
            guard let name = item["name"]?.string else { continue }
            if let first = seen[name] {
                error(
                    "\(path)[\(i)].name", "name '\(name)' is already used by \(path)[\(first)]",
                    hint: "give every entry a unique name")
            } else {
                seen[name] = i
            }
            if !Self.isIdentifier(name) {
                error(
                    "\(path)[\(i)].name", "'\(name)' is not a valid name",
                    hint: "use letters, digits, '_', '-' or '.', at most 64 characters")
            }
        }
    }

    mutating func build(_ root: PolicyNode) -> Policy? {
        guard let proto = root["protocol"] else { return nil }
        let assets = names(proto["assets"], "protocol.assets")
        let markets = names(proto["markets"], "protocol.markets")
        let pools = names(proto["pools"], "protocol.pools")
        let vaults = names(proto["vaults"], "protocol.vaults")
        let bridges = names(proto["bridges"], "protocol.bridges")
        let parts = ["asset": assets, "market": markets, "pool": pools, "vault": vaults, "bridge": bridges]
        if assets.isEmpty, proto["assets"] != nil {
            error("protocol.assets", "protocol.assets is empty", hint: "list at least one asset, e.g. [\"WETH\"]")
        }

        var schema = StateSchema.standard(
            markets: markets, pools: pools, vaults: vaults, bridges: bridges, assets: assets)
        for (i, field) in (proto["fields"]?.array ?? []).enumerated() {
            guard let entity = field["entity"]?.string, let name = field["name"]?.string,
                let typeName = field["type"]?.string, let type = ValueType(rawValue: typeName)
            else { continue }
            let valid =
                name.utf8.first.map { !($0 >= 48 && $0 <= 57) } == true
                && name.utf8.allSatisfy {
                    ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 95
                }
            if !valid {
                error(
                    "protocol.fields[\(i)].name", "field name '\(name)' is not an identifier",
                    hint: "use letters, digits and '_', not starting with a digit")
                continue
            }
            if StateSchema.standardFields[entity]?.contains(where: { $0.name == name }) == true {
                error(
                    "protocol.fields[\(i)].name", "\(entity).\(name) is a built-in field",
                    hint: "built-in fields need no declaration; remove this entry")
                continue
            }
            schema.addField(name, type: type, to: entity)
        }

        // Feeds.
        var feeds: [Policy.Feed] = []
        var fedAssets = Set<String>()
        for (i, feed) in (root["feeds"]?.array ?? []).enumerated() {
            let path = "feeds[\(i)]"
            guard let asset = feed["asset"]?.string else { continue }
            if !assets.contains(asset) {
                error(
                    "\(path).asset", "feed for '\(asset)', which is not in protocol.assets",
                    hint: PolicyValidator.suggest(asset, assets) + "declared assets: " + assets.joined(separator: ", "))
            }
            if !fedAssets.insert(asset).inserted {
                error(
                    "\(path).asset", "'\(asset)' has a feed already",
                    hint: "list every source of an asset in one [[feeds]] entry's sources")
            }
            if let built = self.feed(feed, asset: asset, path: path) { feeds.append(built) }
        }
        for asset in assets where !fedAssets.contains(asset) { feeds.append(.implicit(asset: asset)) }

        var sequencer: Policy.SequencerSpec?
        if let node = root["sequencer"], let stream = node["stream"]?.string {
            if assets.contains(stream) {
                error(
                    "sequencer.stream", "sequencer stream '\(stream)' is also an asset's price stream",
                    hint: "name the uptime feed's stream differently, e.g. \"sequencer\"")
            }
            sequencer = Policy.SequencerSpec(
                stream: stream, grace: duration(node["grace"], default: SequencerSentinel.defaultGracePeriod),
                livenessWindow: duration(node["liveness_window"], default: .seconds(120)))
        }

        // Breakers (before detectors, which refer to them).
        let breakerNodes = root["responses"]?["breakers"]?.array ?? []
        uniqueNames(breakerNodes, "responses.breakers")
        var breakers: [CircuitBreaker.Configuration] = []
        var breakerIndex: [String: Int] = [:]
        for (i, node) in breakerNodes.enumerated() {
            let path = "responses.breakers[\(i)]"
            guard let name = node["name"]?.string, let scopeText = node["scope"]?.string else { continue }
            let scope = scope(scopeText, "\(path).scope", parts: parts) ?? .protocolWide
            breakerIndex[name] = breakerIndex[name] ?? breakers.count
            breakers.append(
                CircuitBreaker.Configuration(
                    name: name, scope: scope, threshold: node["threshold"]?.number ?? 0.99,
                    tripAfter: node["trip_after"]?.integer ?? 1,
                    cooldown: duration(node["cooldown"], default: .minutes(30)),
                    probe: duration(node["probe"], default: .minutes(15))))
        }

        // Detectors.
        let detectorNodes = root["detectors"]?.array ?? []
        uniqueNames(detectorNodes, "detectors")
        var detectors: [Policy.DetectorSpec] = []
        for (i, node) in detectorNodes.enumerated() {
            let path = "detectors[\(i)]"
            guard let name = node["name"]?.string, let stream = node["stream"]?.string,
                let kind = node["kind"]?.string.flatMap(PolicyDetectorKind.init(rawValue:))
            else { continue }
            if !assets.contains(stream) {
                error(
                    "\(path).stream", "detector '\(name)' watches '\(stream)', which is not in protocol.assets",
                    hint: PolicyValidator.suggest(stream, assets) + "declared assets: " + assets.joined(separator: ", ")
                )
            }
            var breaker: Int?
            if let breakerName = node["breaker"]?.string {
                breaker = breakerIndex[breakerName]
                if breaker == nil {
                    let declared = breakerNodes.compactMap { $0["name"]?.string }
                    error(
                        "\(path).breaker", "detector '\(name)' feeds breaker '\(breakerName)', which is not defined",
                        hint: PolicyValidator.suggest(breakerName, declared)
                            + (declared.isEmpty
                                ? "define it in [[responses.breakers]]"
                                : "defined breakers: " + declared.joined(separator: ", ")))
                }
            }
            detectors.append(
                Policy.DetectorSpec(
                    name: name, stream: stream, kind: kind,
                    input: node["input"]?.string.flatMap(Policy.DetectorSpec.Input.init(rawValue:)) ?? .logReturn,
                    window: node["window"]?.integer ?? 60,
                    threshold: node["threshold"]?.number ?? 0.999, maxMove: node["max_move"]?.number ?? 0.05,
                    severity: node["severity"]?.string.flatMap(Severity.init(rawValue:)) ?? .high, breaker: breaker))
        }

        // Invariants.
        let invariantNodes = root["invariants"]?.array ?? []
        uniqueNames(invariantNodes, "invariants")
        var compiler = InvariantCompiler(layout: StateLayout(schema: schema))
        var invariants: [Policy.InvariantSpec] = []
        for (i, node) in invariantNodes.enumerated() {
            let path = "invariants[\(i)].expression"
            guard let name = node["name"]?.string, let expression = node["expression"]?.string else { continue }
            let base = index.entry(for: path).content
            do {
                let compiled = try compiler.compile(expression)
                invariants.append(
                    Policy.InvariantSpec(
                        named: NamedInvariant(
                            name: name, invariant: compiled,
                            severity: node["severity"]?.string.flatMap(Severity.init(rawValue:)) ?? .critical,
                            response: node["response"]?.string.flatMap(NamedInvariant.Response.init(rawValue:))
                                ?? .alert),
                        position: base))
            } catch {
                diagnostics.append(
                    PolicyDiagnostic(
                        file: file, position: error.position.relative(to: base), path: path,
                        message: "invariant '\(name)': \(error.message)", hint: error.hint))
            }
        }

        // Outflow limits.
        var limits: [Policy.OutflowLimitSpec] = []
        for (i, node) in (root["responses"]?["outflow_limits"]?.array ?? []).enumerated() {
            let path = "responses.outflow_limits[\(i)]"
            guard let asset = node["asset"]?.string, let bps = node["min_retained_bps"]?.integer else { continue }
            if !assets.contains(asset) {
                error(
                    "\(path).asset", "outflow limit for '\(asset)', which is not in protocol.assets",
                    hint: PolicyValidator.suggest(asset, assets) + "declared assets: " + assets.joined(separator: ", "))
            }
            let window = duration(node["window"], default: .hours(4)).milliseconds / 1000
            let tick = duration(node["tick"], default: .minutes(5)).milliseconds / 1000
            guard tick > 0, window > 0 else { continue }
            if tick > window || window % tick != 0 {
                error(
                    "\(path).tick", "tick of \(tick) s does not divide the window of \(window) s",
                    hint: "choose a tick that divides the window, e.g. window = \"4h\", tick = \"5m\"")
                continue
            }
            let threshold = node["limit_begin_threshold"]?.number ?? 0
            limits.append(
                Policy.OutflowLimitSpec(
                    configuration: OutflowLimiter.Configuration(
                        asset: asset, minLiquidityRetainedBps: bps, limitBeginThreshold: Int128(threshold.rounded()),
                        withdrawalPeriod: window, tickLength: tick,
                        cooldown: duration(node["cooldown"], default: .hours(72)).milliseconds / 1000,
                        gracePeriod: duration(node["grace"], default: .seconds(0)).milliseconds / 1000),
                    revertOnLimit: node["on_limit"]?.string == "revert"))
        }

        // Haircuts.
        var haircuts: Policy.HaircutSpec?
        if let node = root["responses"]?["haircuts"], let floor = node["floor"]?.number,
            let ceiling = node["ceiling"]?.number, let maxStep = node["max_step"]?.number
        {
            let path = "responses.haircuts"
            let haircutAssets = node["assets"]?.strings ?? []
            let base = node["base_ltv"]?.numbers ?? []
            var ok = true
            for (i, asset) in haircutAssets.enumerated() where !markets.contains(asset) {
                error(
                    "\(path).assets[\(i)]", "haircut asset '\(asset)' is not a declared market",
                    hint: PolicyValidator.suggest(asset, markets)
                        + (markets.isEmpty
                            ? "declare protocol.markets" : "declared markets: " + markets.joined(separator: ", ")))
                ok = false
            }
            if haircutAssets.isEmpty {
                error("\(path).assets", "haircuts need at least one asset", hint: "list collateral markets")
                ok = false
            }
            if base.count != haircutAssets.count {
                error(
                    "\(path).base_ltv", "base_ltv has \(base.count) values for \(haircutAssets.count) assets",
                    hint: "give one base LTV per asset, in the same order")
                ok = false
            }
            for (i, ltv) in base.enumerated() where !(0...1).contains(ltv) {
                error(
                    "\(path).base_ltv[\(i)]", "base LTV \(ltv) is outside 0…1", hint: "an LTV is a fraction, e.g. 0.8")
                ok = false
            }
            if floor > ceiling {
                error("\(path).floor", "floor \(floor) is above ceiling \(ceiling)", hint: "set floor ≤ ceiling")
                ok = false
            }
            if ok {
                haircuts = Policy.HaircutSpec(
                    configuration: HaircutController.Configuration(
                        assets: haircutAssets, baseLTV: base, lambda: node["lambda"]?.number ?? 0.94,
                        referenceVolatility: node["reference_volatility"]?.number ?? 0.6,
                        volatilitySensitivity: node["volatility_sensitivity"]?.number ?? 0.2,
                        referenceCorrelation: node["reference_correlation"]?.number ?? 0.5,
                        correlationSensitivity: node["correlation_sensitivity"]?.number ?? 0.2, maxStep: maxStep,
                        minInterval: duration(node["min_interval"], default: .hours(6)), floor: floor, ceiling: ceiling,
                        thresholdSpread: node["threshold_spread"]?.number ?? 0.05),
                    sampleInterval: duration(node["sample_interval"], default: .hours(1)))
            }
        }

        var liquidationPause: Policy.LiquidationPauseSpec?
        if let node = root["responses"]?["liquidation_pause"], node["grace"] != nil {
            let scopeValue =
                node["scope"]?.string.map { scope($0, "responses.liquidation_pause.scope", parts: parts) }
                ?? .protocolWide
            liquidationPause = Policy.LiquidationPauseSpec(
                scope: scopeValue ?? .protocolWide, grace: duration(node["grace"], default: .hours(1)),
                minimumPause: duration(node["min_pause"], default: .seconds(0)))
        }

        var pauseDecision: Policy.PauseDecisionSpec?
        if let node = root["responses"]?["pause_decision"], let hours = node["expected_pause_hours"]?.number,
            let fees = node["fees_per_hour_usd"]?.number, let users = node["user_cost_per_hour_usd"]?.number,
            let valueAtRisk = node["value_at_risk_usd"]?.number
        {
            pauseDecision = Policy.PauseDecisionSpec(
                configuration: PauseDecision.Configuration(
                    midpoint: node["midpoint"]?.number ?? 0.8, steepness: node["steepness"]?.number ?? 12,
                    floorProbability: node["floor_probability"]?.number ?? 0.001, expectedPauseHours: hours,
                    feesPerHourUSD: fees, userCostPerHourUSD: users),
                valueAtRiskUSD: valueAtRisk,
                blockedLiquidationBadDebtUSD: node["blocked_liquidation_bad_debt_usd"]?.number ?? 0)
        }

        var governance: Policy.Governance?
        if let node = root["governance"], let pause = node["pause_threshold"]?.integer,
            let unpause = node["unpause_threshold"]?.integer
        {
            let path = "governance"
            let signers = node["signers"]?.strings ?? []
            for (i, signer) in signers.enumerated() {
                let hex = signer.utf8.dropFirst(2)
                if !(signer.hasPrefix("0x") && hex.count == 40
                    && hex.allSatisfy({
                        ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 70) || ($0 >= 97 && $0 <= 102)
                    }))
                {
                    error(
                        "\(path).signers[\(i)]", "signer '\(signer)' is not a 20-byte hex address",
                        hint: "write 0x followed by 40 hex digits")
                }
            }
            if Set(signers).count != signers.count {
                error("\(path).signers", "a signer is listed twice", hint: "list each signer once")
            }
            if pause > signers.count {
                error(
                    "\(path).pause_threshold", "pause_threshold \(pause) exceeds the \(signers.count) signers",
                    hint: "with n signers tolerating f faults, pause needs f + 1 ≤ n")
            }
            if unpause > signers.count {
                error(
                    "\(path).unpause_threshold", "unpause_threshold \(unpause) exceeds the \(signers.count) signers",
                    hint: "with n signers tolerating f faults, unpause needs 2f + 1 ≤ n")
            }
            if unpause < pause {
                error(
                    "\(path).unpause_threshold", "unpause_threshold \(unpause) is below pause_threshold \(pause)",
                    hint: "unpausing must be at least as hard as pausing (2f + 1 vs f + 1)")
            }
            let bounds = node["bounds"]
            governance = Policy.Governance(
                signers: signers, pauseThreshold: pause, unpauseThreshold: unpause,
                timelock: duration(node["timelock"], default: .hours(24)), maxLTVStep: bounds?["max_ltv_step"]?.number,
                minChangeInterval: bounds?["min_change_interval"]?.milliseconds.map { .init(milliseconds: $0) },
                maxPause: bounds?["max_pause"]?.milliseconds.map { .init(milliseconds: $0) },
                guardian: node["guardian"]?.string)
            if let maxStep = governance?.maxLTVStep, let h = haircuts, h.configuration.maxStep > maxStep {
                error(
                    "responses.haircuts.max_step",
                    "haircut max_step \(h.configuration.maxStep) exceeds governance.bounds.max_ltv_step \(maxStep)",
                    hint: "automatic changes must stay within governance bounds; lower max_step")
            }
            if let minInterval = governance?.minChangeInterval, let h = haircuts,
                h.configuration.minInterval < minInterval
            {
                error(
                    "responses.haircuts.min_interval",
                    "haircut min_interval is shorter than governance.bounds.min_change_interval",
                    hint: "automatic changes must stay within governance bounds; raise min_interval")
            }
        }

        checkGuardian(governance)
        if let spec = haircuts, let node = root["responses"]?["haircuts"] {
            haircuts = withForecaster(spec, node, governance: governance, chainID: proto["chain_id"]?.integer)
        }

        let flowModel = flowModel(
            root["models"]?["flow"], governance: governance, chainID: proto["chain_id"]?.integer, parts: parts)
        guard let name = proto["name"]?.string, let chainID = proto["chain_id"]?.integer,
            let kind = proto["kind"]?.string
        else { return nil }
        var policy = Policy(
            file: file, name: name, chainID: chainID, kind: kind, assets: assets, schema: schema, feeds: feeds,
            sequencer: sequencer, detectors: detectors, invariants: invariants, compiler: compiler, breakers: breakers,
            outflowLimits: limits, haircuts: haircuts, liquidationPause: liquidationPause,
            pauseDecision: pauseDecision, governance: governance)
        policy.flowModel = flowModel
        return policy
    }
}
