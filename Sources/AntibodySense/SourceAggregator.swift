public import AntibodyCore

/// Aggregates N price sources into one ``PriceVerdict``: freshness and sanity per quote, median with
/// MAD outlier rejection, a quorum of healthy sources, confidence weighting, and per-source reputation
/// that decays on repeated outliers and recovers.
///
/// The algorithm, for quotes `q₁…qₙ` at `now`:
/// 1. A quote is excluded if malformed (not finite or not positive, unknown or duplicate source),
///    in the future, older than `maxQuoteAge`, flagged with a disqualifying reason upstream, wider than
///    `maxRelativeConfidence`, or from a source whose reputation is below `reputationFloor`.
/// 2. The quorum is `max(minimumQuorum, ⌊n · quorumFraction⌋ + 1)`; fewer eligible quotes → `untrusted`.
/// 3. `m` = median of the eligible prices; `MAD` = median of `|pᵢ − m|`; a quote is an inlier when
///    `|pᵢ − m| ≤ k · max(1.4826 · MAD, minimumSpread · m)`. Fewer inliers than the quorum → `untrusted`.
/// 4. The price is the weighted median of the inliers, weights `reputation / max(conf/p, confidenceFloor)²`.
/// 5. If some eligible sources dissent while the price moved more than `moveTolerance` from the last
///    accepted price (or there is no recent accepted price), the inliers must reach the supermajority
///    `⌈n · moveQuorumFraction⌉`; otherwise the move is contested → `untrusted`, never the movers' price.
///    This is what keeps three colluding sources of five from moving the price: alone, a majority is
///    indistinguishable from the honest majority; against the history, it is a contested move.
/// 6. Reputations update only when a price is accepted.
///
/// Scratch buffers are allocated once, at `init`, for `config.capacity` sources: a verdict costs
/// O(n²) comparisons for n ≤ 64 (insertion sort) and no allocation.
public struct SourceAggregator: Sendable {
    /// The configuration.
    public let config: AggregatorConfig
    @usableFromInline var reputations: [Double]
    @usableFromInline var exclusions: [UInt8]
    @usableFromInline var scratchPrices: [Double]
    @usableFromInline var scratchWork: [Double]
    @usableFromInline var scratchWeights: [Double]
    /// The last accepted price and when, the reference for contested moves.
    public private(set) var anchor: (price: Double, time: Timestamp)?

    @usableFromInline static let noExclusion: UInt8 = .max

    /// An aggregator for `config`, which must be valid.
    public init(config: AggregatorConfig = AggregatorConfig()) throws(SenseError) {
        try config.validate()
        self.config = config
        reputations = [Double](repeating: 1, count: config.capacity)
        exclusions = [UInt8](repeating: SourceAggregator.noExclusion, count: config.capacity)
        scratchPrices = [Double](repeating: 0, count: config.capacity)
        scratchWork = [Double](repeating: 0, count: config.capacity)
        scratchWeights = [Double](repeating: 0, count: config.capacity)
    }

    /// The reputation of `source` in `[0, 1]` (1 for an index outside the capacity).
    public func reputation(of source: Int) -> Double {
        reputations.indices.contains(source) ? reputations[source] : 1
    }

    /// Why `source` was excluded from the latest verdict, or `nil` if it was used or absent.
    public func exclusionReason(of source: Int) -> PriceReason? {
        guard exclusions.indices.contains(source) else { return nil }
        return PriceReason(rawValue: exclusions[source])
    }

    /// Forgets the last accepted price, so the next verdict is judged as a cold start.
    public mutating func resetAnchor() { anchor = nil }

    /// The verdict over `quotes` at `now`; `sequencer` is the L2 sequencer's state, if the chain has one.
    ///
    /// O(n²) for n quotes, no allocation.
    public mutating func aggregate(
        _ quotes: [SourceQuote], now: Timestamp, sequencer: SequencerAssessment? = nil
    ) -> PriceVerdict {
        var prices: [Double] = []
        var work: [Double] = []
        var weights: [Double] = []
        swap(&prices, &scratchPrices)
        swap(&work, &scratchWork)
        swap(&weights, &scratchWeights)
        defer {
            swap(&prices, &scratchPrices)
            swap(&work, &scratchWork)
            swap(&weights, &scratchWeights)
        }
        return prices.withUnsafeMutableBufferPointer { prices in
            work.withUnsafeMutableBufferPointer { work in
                weights.withUnsafeMutableBufferPointer { weights in
                    aggregate(quotes, now: now, sequencer: sequencer, prices: prices, work: work, weights: weights)
                }
            }
        }
    }

    // swiftlint:disable:next function_body_length cyclomatic_complexity
    @usableFromInline
    mutating func aggregate(
        _ quotes: [SourceQuote], now: Timestamp, sequencer: SequencerAssessment?,
        prices: UnsafeMutableBufferPointer<Double>, work: UnsafeMutableBufferPointer<Double>,
        weights: UnsafeMutableBufferPointer<Double>
    ) -> PriceVerdict {
        let n = quotes.count
        let capacity = config.capacity
        for i in 0..<capacity { exclusions[i] = SourceAggregator.noExclusion }
        var reasons = sequencer?.reasons ?? ReasonSet()
        if n == 0 {
            reasons.insert(.noSources)
            return .untrusted(at: now, reasons: reasons)
        }
        if n > capacity {
            reasons.insert(.invalidQuote)
            return .untrusted(at: now, reasons: reasons)
        }

        // 1. Per-quote validity and eligibility.
        var excluded = SourceSet()
        var seen: UInt64 = 0
        var validMask: UInt64 = 0
        var eligibleMask: UInt64 = 0
        var eligible = 0
        let newest = now.advanced(by: config.futureTolerance)
        for i in 0..<n {
            let quote = quotes[i]
            let source = quote.source
            var reason: PriceReason?
            if source < 0 || source >= capacity || seen & (1 << UInt64(source)) != 0 {
                reason = .invalidQuote
            } else {
                seen |= 1 << UInt64(source)
                if !quote.price.isFinite || quote.price <= 0 || !quote.confidence.isFinite || quote.confidence < 0 {
                    reason = .invalidQuote
                } else if quote.timestamp > newest {
                    reason = .timestampInFuture
                } else if quote.timestamp.duration(to: now) > config.maxQuoteAge {
                    reason = .stale
                } else if quote.flags.hasDisqualifying {
                    reasons.formUnion(quote.flags)
                    var first: PriceReason = .invalidQuote
                    for flag in quote.flags where flag.isDisqualifying {
                        first = flag
                        break
                    }
                    reason = first
                } else if quote.confidence / quote.price > config.maxRelativeConfidence {
                    reason = .lowConfidence
                }
            }
            if let reason {
                reasons.insert(reason)
                if source >= 0 && source < capacity && exclusions[source] == SourceAggregator.noExclusion {
                    exclusions[source] = reason.rawValue
                    excluded.insert(source)
                }
                continue
            }
            reasons.formUnion(quote.flags)
            validMask |= 1 << UInt64(i)
            if reputations[source] < config.reputationFloor {
                reasons.insert(.lowReputation)
                exclusions[source] = PriceReason.lowReputation.rawValue
                excluded.insert(source)
                continue
            }
            eligibleMask |= 1 << UInt64(i)
            prices[eligible] = quote.price
            eligible += 1
        }

        if sequencer?.state == .down {
            return .untrusted(at: now, reasons: reasons, excluded: excluded)
        }

        // 2. Quorum of eligible sources.
        let quorum = max(config.minimumQuorum, Int((Double(n) * config.quorumFraction).rounded(.down)) + 1)
        if eligible < quorum || eligible == 0 {
            reasons.insert(.quorumLost)
            return .untrusted(at: now, reasons: reasons, excluded: allSources(quotes, validMask: validMask, excluded))
        }

        // 3. Median, MAD, inliers.
        for j in 0..<eligible { work[j] = prices[j] }
        ScratchSort.sort(work, count: eligible)
        let median = ScratchSort.medianOfSorted(work, count: eligible)
        for j in 0..<eligible { work[j] = abs(prices[j] - median) }
        ScratchSort.sort(work, count: eligible)
        let mad = ScratchSort.medianOfSorted(work, count: eligible)
        let threshold = config.madMultiplier * max(1.4826 * mad, config.minimumSpread * median)

        // 4. Weighted median and interval of the inliers.
        var inliers = 0
        var totalWeight = 0.0
        var lower = Double.infinity
        var upper = -Double.infinity
        for i in 0..<n where eligibleMask & (1 << UInt64(i)) != 0 {
            let quote = quotes[i]
            guard abs(quote.price - median) <= threshold else { continue }
            let relative = max(quote.confidence / quote.price, config.confidenceFloor)
            let weight = max(reputations[quote.source], 1e-9) / (relative * relative)
            work[inliers] = quote.price
            weights[inliers] = weight
            totalWeight += weight
            lower = min(lower, quote.price - quote.confidence)
            upper = max(upper, quote.price + quote.confidence)
            inliers += 1
        }
        if inliers < quorum {
            reasons.insert(.quorumLost)
            reasons.insert(.outlier)
            return .untrusted(at: now, reasons: reasons, excluded: allSources(quotes, validMask: validMask, excluded))
        }
        ScratchSort.sort(work, carrying: weights, count: inliers)
        let half = totalWeight / 2
        var cumulative = 0.0
        var price = work[inliers - 1]
        for j in 0..<inliers {
            cumulative += weights[j]
            if cumulative >= half {
                let tie = abs(cumulative - half) <= 1e-12 * totalWeight && j + 1 < inliers
                price = tie ? (work[j] + work[j + 1]) / 2 : work[j]
                break
            }
        }

        // 5. A move that only part of the set supports is contested.
        let dissent = eligible - inliers
        if dissent > 0 {
            let moved: Bool
            if let anchor, anchor.time.duration(to: now) <= config.anchorMaxAge, anchor.time <= now {
                moved = abs(price / anchor.price - 1) > config.moveTolerance
            } else {
                moved = true
            }
            let moveQuorum = Int((Double(n) * config.moveQuorumFraction).rounded(.up))
            if moved && inliers < moveQuorum {
                reasons.insert(.quorumLost)
                reasons.insert(.contestedMove)
                reasons.insert(.outlier)
                return .untrusted(
                    at: now, reasons: reasons, excluded: allSources(quotes, validMask: validMask, excluded))
            }
        }

        // 6. Accepted: update reputations, record exclusions.
        var used = SourceSet()
        for i in 0..<n where validMask & (1 << UInt64(i)) != 0 {
            let quote = quotes[i]
            let source = quote.source
            if abs(quote.price - median) <= threshold {
                reputations[source] += config.reputationRecovery * (1 - reputations[source])
                if eligibleMask & (1 << UInt64(i)) != 0 { used.insert(source) }
            } else {
                reputations[source] *= 1 - config.reputationDecay
                reasons.insert(.outlier)
                if exclusions[source] == SourceAggregator.noExclusion {
                    exclusions[source] = PriceReason.outlier.rawValue
                }
                excluded.insert(source)
            }
        }
        if !excluded.isEmpty { reasons.insert(.sourcesExcluded) }
        anchor = (price, now)
        return PriceVerdict(
            timestamp: now, status: reasons.isEmpty ? .ok : .degraded, price: price, reasons: reasons,
            used: used, excluded: excluded, lower: min(lower, price), upper: max(upper, price))
    }

    /// `excluded` plus every valid source: when no price is accepted, none is used.
    @usableFromInline
    func allSources(_ quotes: [SourceQuote], validMask: UInt64, _ excluded: SourceSet) -> SourceSet {
        var all = excluded
        for i in 0..<quotes.count where validMask & (1 << UInt64(i)) != 0 { all.insert(quotes[i].source) }
        return all
    }
}
