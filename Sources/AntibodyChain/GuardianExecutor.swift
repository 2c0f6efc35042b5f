import AntibodyCore
public import AntibodyTrust

/// The asynchronous half of ``GuardianPort``: drains its orders one at a time, collects sentinel
/// signatures into a quorum certificate, checks the submission with a pre-flight `eth_call` (a
/// revert such as `Guardian: already paused` is reported without spending gas), sends it and
/// reports the outcome.
///
/// Bounded everywhere: each signer has ``Configuration/signerTimeout``; the JSON-RPC client has its
/// deadline and bounded retries; the sender its receipt deadline. A failure becomes a
/// ``GuardianReport`` with ``ActionOutcome/rejected(_:)`` and a message that says what failed; the
/// executor goes on with the next order.
public struct GuardianExecutor: Sendable {
    /// Signature collection settings.
    public struct Configuration: Hashable, Sendable {
        /// How long one signer may take.
        public var signerTimeout: Duration
        /// Signatures to collect before submitting when more than the threshold are available
        /// (`nil`: exactly the threshold). More signatures than the threshold show more agreement
        /// and cost a little more gas.
        public var signaturesWanted: Int?

        /// Settings.
        public init(signerTimeout: Duration = .seconds(5), signaturesWanted: Int? = nil) {
            self.signerTimeout = signerTimeout
            self.signaturesWanted = signaturesWanted
        }
    }

    /// The client (pre-flight calls and limiter reads).
    public let client: JSONRPCClient
    /// The Guardian's EIP-712 domain (chain id and address).
    public let domain: GuardianDomain
    /// The sentinel set the Guardian was deployed with.
    public let sentinels: SentinelSet
    /// The sentinels this node can ask for signatures.
    public let signers: [any ActionSigner]
    /// The account that sends the transactions.
    public let sender: any GuardianTransactionSender
    /// Settings.
    public let configuration: Configuration

    /// An executor.
    public init(
        client: JSONRPCClient, domain: GuardianDomain, sentinels: SentinelSet, signers: [any ActionSigner],
        sender: any GuardianTransactionSender, configuration: Configuration = Configuration()
    ) {
        self.client = client
        self.domain = domain
        self.sentinels = sentinels
        self.signers = signers
        self.sender = sender
        self.configuration = configuration
    }

    /// Performs every order of `orders` in turn, handing each report to `report`, until the stream
    /// ends (``GuardianPort/close()``) or the task is cancelled.
    public func run(_ orders: AsyncStream<GuardianOrder>, report: (GuardianReport) async -> Void) async {
        for await order in orders {
            if Task.isCancelled { return }
            await report(await perform(order))
        }
    }

    /// Performs one order and reports what became of it. Never throws: failures are reports.
    public func perform(_ order: GuardianOrder) async -> GuardianReport {
        var signers: [EthereumAddress] = []
        var transactionHash: [UInt8]?
        do throws(ChainError) {
            let request = order.request(params: try await params(for: order))
            let certificate = try await certify(request)
            signers = try certificate.signatures.map { signature throws(ChainError) in
                do {
                    return try signature.recoverAddress(digest: request.digest(in: domain))
                } catch {
                    throw .refused("a collected signature no longer recovers")
                }
            }
            let data = Self.submission(certificate)
            do {
                _ = try await client.call(to: domain.verifyingContract, data: data, from: sender.from)
            } catch  where error.isRevert {
                return GuardianReport(
                    order: order, outcome: .rejected(error.revertReason ?? error.message), signers: signers)
            }
            let receipt: TransactionReceipt
            do {
                receipt = try await sender.submit(to: domain.verifyingContract, data: data)
            } catch  where error.isRevert {
                return GuardianReport(
                    order: order, outcome: .rejected(error.revertReason ?? error.message), signers: signers,
                    transactionHash: error.revertedTransactionHash)
            }
            transactionHash = receipt.transactionHash
            guard receipt.succeeded else {
                var reason = "the transaction reverted in block \(receipt.blockNumber)"
                do {
                    _ = try await client.call(
                        to: domain.verifyingContract, data: data, from: sender.from, at: .number(receipt.blockNumber))
                } catch  where error.isRevert {
                    if let text = error.revertReason { reason += ": \(text)" }
                } catch {}
                return GuardianReport(
                    order: order, outcome: .rejected(reason), signers: signers, transactionHash: transactionHash,
                    blockNumber: receipt.blockNumber)
            }
            return GuardianReport(
                order: order, outcome: request.action.isProtective ? .applied : .queued, signers: signers,
                transactionHash: transactionHash, blockNumber: receipt.blockNumber)
        } catch {
            return GuardianReport(
                order: order, outcome: .rejected(error.message), signers: signers, transactionHash: transactionHash)
        }
    }

    /// The request's params: given by the order, or (a parameter change) the limiter's current
    /// parameters read from the target vault with the one named changed.
    func params(for order: GuardianOrder) async throws(ChainError) -> [UInt8] {
        if let params = order.params { return params }
        guard let change = order.parameterChange else {
            throw .refused("the order carries neither params nor a change")
        }
        let vault = ProtectedVaultContract(address: order.target, client: client)
        return try Self.changed(try await vault.limiterParameters(change.asset), change).setParameterParams(
            asset: change.asset)
    }

    /// `current` with the one parameter `change` names set to its value.
    static func changed(
        _ current: LimiterParameters, _ change: GuardianOrder.ParameterChange
    ) throws(ChainError)
        -> LimiterParameters
    {
        var parameters = current
        let value = UInt64(change.value.rounded())
        switch change.name {
        case "windowSeconds": parameters.windowSeconds = value
        case "minRetainedBps": parameters.minRetainedBps = value
        case "cooldownSeconds": parameters.cooldownSeconds = value
        case "holdOnTrip": parameters.holdOnTrip = change.value != 0
        default: throw .refused("'\(change.name)' is not a vault limiter parameter")
        }
        return parameters
    }

    /// The call data that submits `certificate`: `pause`, `isolate`, or `queue(action, …)` for the
    /// actions that need the timelock.
    static func submission(_ certificate: QuorumCertificate) -> [UInt8] {
        let request = certificate.request
        switch request.action {
        case .pause: return GuardianContract.pauseCall(target: request.target, certificate: certificate)
        case .isolate: return GuardianContract.isolateCall(target: request.target, certificate: certificate)
        case .unpause, .setParameter:
            return GuardianContract.queueCall(action: request.action, target: request.target, certificate: certificate)
        }
    }

    /// Asks every signer at once (each within ``Configuration/signerTimeout``) and returns a
    /// certificate with the threshold — or ``Configuration/signaturesWanted`` — of valid, distinct
    /// member signatures, in arrival order.
    ///
    /// - Throws: ``ChainError/refused(_:)`` if fewer than the threshold signed in time.
    public func certify(_ request: ActionRequest) async throws(ChainError) -> QuorumCertificate {
        let need = sentinels.threshold(for: request.action)
        let wanted = min(max(configuration.signaturesWanted ?? need, need), max(signers.count, need))
        let domain = self.domain
        let timeout = configuration.signerTimeout
        var collector = QuorumCollector(request: request, domain: domain, sentinels: sentinels)
        var certificate: QuorumCertificate?
        var ignored = 0
        var failed = 0
        let verifier = QuorumVerifier(domain: domain, sentinels: sentinels)
        await withTaskGroup(of: RecoverableSignature?.self) { group in
            for signer in signers {
                group.addTask {
                    await withTaskGroup(of: RecoverableSignature?.self) { race in
                        race.addTask { try? await signer.sign(request, in: domain) }
                        race.addTask {
                            try? await Task.sleep(for: timeout)
                            return nil
                        }
                        let first = await race.next() ?? nil
                        race.cancelAll()
                        return first
                    }
                }
            }
            for await answer in group {
                guard let signature = answer else {
                    failed += 1
                    continue
                }
                if var complete = certificate {
                    complete.signatures.append(signature)
                    let at = Timestamp(seconds: Int64(clamping: request.expiry))
                    if (try? verifier.verify(complete, at: at, replay: ReplayGuard())) != nil {
                        certificate = complete
                    } else {
                        ignored += 1
                    }
                } else {
                    switch collector.add(signature) {
                    case .submit(let complete): certificate = complete
                    case .ignore: ignored += 1
                    case .wait, .alreadyComplete: break
                    }
                }
                if let certificate, certificate.signatures.count >= wanted {
                    group.cancelAll()
                    break
                }
            }
        }
        guard let certificate else {
            throw .refused(
                "quorum not reached for \(request.action): \(need) signatures needed, \(signers.count - failed - ignored) "
                    + "valid ones collected (\(failed) signers failed or timed out, \(ignored) signatures invalid)")
        }
        return certificate
    }
}
