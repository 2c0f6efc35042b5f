# pragma version ~=0.4.3
"""
@title Antibody Guardian
@notice Holds the sentinel set and executes the engine's responses on chain.
        Pausing a protected contract needs f + 1 distinct sentinels' EIP-712 signatures over an
        ActionRequest and takes effect at once. Unpausing and parameter changes need 2f + 1
        distinct sentinels' signatures, are queued by a governance signer and run only after the
        timelock; any governance signer may cancel a queued operation.
@dev    EIP-712 domain: EIP712Domain(string name,string version,uint256 chainId,address
        verifyingContract) with name "Antibody Guardian" and version "1".
        Signed struct: ActionRequest(uint8 action,address target,bytes params,uint256 nonce,
        uint64 expiry), as AntibodyTrust defines it. Actions: 1 pause (params empty), 2 unpause
        (params empty to lift the pause, or abi_encode(asset) to lift an isolation), 3 set
        parameters (params abi_encode(asset, LimiterParams)), 4 isolate (params abi_encode(asset)).
        See docs/chain.md.
"""

interface Protected:
    def setLimiterParams(asset: address, params: LimiterParams): nonpayable

struct LimiterParams:
    windowSeconds: uint256
    minRetainedBps: uint256
    cooldownSeconds: uint256
    holdOnTrip: bool

struct Signature:
    v: uint8
    r: bytes32
    s: bytes32

struct Certificate:
    chainId: uint256
    verifyingContract: address
    params: Bytes[MAX_PARAMS]
    nonce: uint256
    expiry: uint64
    signatures: DynArray[Signature, MAX_SENTINELS]

struct Operation:
    action: uint8
    target: address
    paramsHash: bytes32
    eta: uint256
    state: uint8

event SentinelsConfigured:
    count: uint256
    f: uint256

event GovernorsConfigured:
    count: uint256
    timelockDelay: uint256

event Paused:
    target: indexed(address)
    nonce: indexed(uint256)
    signers: uint256

event Isolated:
    target: indexed(address)
    asset: indexed(address)
    nonce: uint256
    signers: uint256

event Queued:
    operationId: indexed(bytes32)
    action: uint8
    target: indexed(address)
    paramsHash: bytes32
    eta: uint256

event Cancelled:
    operationId: indexed(bytes32)
    governor: indexed(address)

event Executed:
    operationId: indexed(bytes32)
    action: uint8
    target: indexed(address)

event Unpaused:
    target: indexed(address)
    operationId: indexed(bytes32)

event Unisolated:
    target: indexed(address)
    asset: indexed(address)
    operationId: indexed(bytes32)

MAX_SENTINELS: constant(uint256) = 16
MAX_GOVERNORS: constant(uint256) = 8
MAX_PARAMS: constant(uint256) = 1024

ACTION_PAUSE: constant(uint8) = 1
ACTION_UNPAUSE: constant(uint8) = 2
ACTION_SET_PARAMS: constant(uint8) = 3
ACTION_ISOLATE: constant(uint8) = 4
# abi_encode(address, LimiterParams): five 32-byte words.
SET_PARAMS_LENGTH: constant(uint256) = 160

OP_NONE: constant(uint8) = 0
OP_QUEUED: constant(uint8) = 1
OP_EXECUTED: constant(uint8) = 2
OP_CANCELLED: constant(uint8) = 3

# A queued operation may be executed during this period after its eta, and not later.
GRACE_PERIOD: constant(uint256) = 14 * 86400
# The longest timelock the constructor accepts.
MAX_TIMELOCK: constant(uint256) = 30 * 86400
# secp256k1 group order / 2: signatures with a larger s are malleable copies and are refused.
HALF_ORDER: constant(uint256) = 57896044618658097711785492504343953926418782139537452191302581570759080747168

DOMAIN_TYPEHASH: constant(bytes32) = keccak256(
    "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
)
ACTION_TYPEHASH: constant(bytes32) = keccak256(
    "ActionRequest(uint8 action,address target,bytes params,uint256 nonce,uint64 expiry)"
)
NAME_HASH: constant(bytes32) = keccak256("Antibody Guardian")
VERSION_HASH: constant(bytes32) = keccak256("1")

sentinels: public(DynArray[address, MAX_SENTINELS])
isSentinel: public(HashMap[address, bool])
f: public(uint256)
governors: public(DynArray[address, MAX_GOVERNORS])
isGovernor: public(HashMap[address, bool])
timelockDelay: public(uint256)

nonceUsed: public(HashMap[uint256, bool])
isPaused: public(HashMap[address, bool])
pausedAt: public(HashMap[address, uint256])
isIsolated: public(HashMap[address, HashMap[address, bool]])
operations: public(HashMap[bytes32, Operation])


@deploy
def __init__(
    sentinels: DynArray[address, MAX_SENTINELS],
    f: uint256,
    governors: DynArray[address, MAX_GOVERNORS],
    timelockDelay: uint256,
):
    assert len(sentinels) >= 3 * f + 1, "Guardian: need n >= 3f + 1 sentinels"
    assert len(governors) > 0, "Guardian: need at least one governor"
    assert timelockDelay <= MAX_TIMELOCK, "Guardian: timelock too long"
    for s: address in sentinels:
        assert s != empty(address), "Guardian: zero sentinel"
        assert not self.isSentinel[s], "Guardian: duplicate sentinel"
        self.isSentinel[s] = True
    for g: address in governors:
        assert g != empty(address), "Guardian: zero governor"
        assert not self.isGovernor[g], "Guardian: duplicate governor"
        self.isGovernor[g] = True
    self.sentinels = sentinels
    self.f = f
    self.governors = governors
    self.timelockDelay = timelockDelay
    log SentinelsConfigured(count=len(sentinels), f=f)
    log GovernorsConfigured(count=len(governors), timelockDelay=timelockDelay)


@view
@internal
def _domain_separator(chain_id: uint256, verifying_contract: address) -> bytes32:
    return keccak256(abi_encode(DOMAIN_TYPEHASH, NAME_HASH, VERSION_HASH, chain_id, verifying_contract))


@view
@internal
def _digest(action: uint8, target: address, cert: Certificate) -> bytes32:
    struct_hash: bytes32 = keccak256(
        abi_encode(ACTION_TYPEHASH, action, target, keccak256(cert.params), cert.nonce, cert.expiry)
    )
    return keccak256(
        concat(b"\x19\x01", self._domain_separator(cert.chainId, cert.verifyingContract), struct_hash)
    )


@internal
def _verify(action: uint8, target: address, cert: Certificate, threshold: uint256) -> bytes32:
    """
    @dev Checks the certificate and consumes its nonce. Reverts with a distinct reason for each
         failure. Returns the EIP-712 digest (unique per nonce, used as the operation id).
    """
    assert cert.chainId == chain.id, "Guardian: wrong chain id"
    assert cert.verifyingContract == self, "Guardian: wrong verifying contract"
    assert block.timestamp <= convert(cert.expiry, uint256), "Guardian: request expired"
    assert not self.nonceUsed[cert.nonce], "Guardian: nonce already used"
    assert len(cert.signatures) >= threshold, "Guardian: not enough signatures"
    digest: bytes32 = self._digest(action, target, cert)
    seen: DynArray[address, MAX_SENTINELS] = []
    for sig: Signature in cert.signatures:
        assert convert(sig.s, uint256) <= HALF_ORDER, "Guardian: high-s signature"
        assert sig.v == 27 or sig.v == 28, "Guardian: bad signature v"
        signer: address = ecrecover(digest, sig.v, sig.r, sig.s)
        assert signer != empty(address), "Guardian: invalid signature"
        assert self.isSentinel[signer], "Guardian: signer not a sentinel"
        assert signer not in seen, "Guardian: duplicate signer"
        seen.append(signer)
    self.nonceUsed[cert.nonce] = True
    return digest


@view
@external
def domainSeparator() -> bytes32:
    """
    @notice The EIP-712 domain separator of this guardian on this chain.
    """
    return self._domain_separator(chain.id, self)


@view
@external
def actionDigest(
    action: uint8, target: address, params: Bytes[MAX_PARAMS], nonce: uint256, expiry: uint64
) -> bytes32:
    """
    @notice The EIP-712 digest sentinels sign for an ActionRequest on this guardian and chain.
    """
    struct_hash: bytes32 = keccak256(
        abi_encode(ACTION_TYPEHASH, action, target, keccak256(params), nonce, expiry)
    )
    return keccak256(concat(b"\x19\x01", self._domain_separator(chain.id, self), struct_hash))


@view
@external
def sentinelCount() -> uint256:
    return len(self.sentinels)


@view
@external
def pauseThreshold() -> uint256:
    return self.f + 1


@view
@external
def governanceThreshold() -> uint256:
    return 2 * self.f + 1


@external
def pause(target: address, certificate: Certificate):
    """
    @notice Pauses `target` at once. Anyone may submit; the certificate must carry f + 1 distinct
            sentinels' signatures over ActionRequest(1, target, "", nonce, expiry).
    """
    assert target != empty(address), "Guardian: zero target"
    assert len(certificate.params) == 0, "Guardian: pause takes no parameters"
    assert not self.isPaused[target], "Guardian: already paused"
    self._verify(ACTION_PAUSE, target, certificate, self.f + 1)
    self.isPaused[target] = True
    self.pausedAt[target] = block.timestamp
    log Paused(target=target, nonce=certificate.nonce, signers=len(certificate.signatures))


@external
def isolate(target: address, certificate: Certificate):
    """
    @notice Isolates one asset of `target` at once (its outflows stop; other assets go on). Anyone
            may submit; f + 1 distinct sentinels' signatures over
            ActionRequest(4, target, abi_encode(asset), nonce, expiry).
    """
    assert target != empty(address), "Guardian: zero target"
    assert len(certificate.params) == 32, "Guardian: isolate takes one address"
    asset: address = abi_decode(certificate.params, address)
    assert not self.isIsolated[target][asset], "Guardian: already isolated"
    self._verify(ACTION_ISOLATE, target, certificate, self.f + 1)
    self.isIsolated[target][asset] = True
    log Isolated(target=target, asset=asset, nonce=certificate.nonce, signers=len(certificate.signatures))


@external
def queue(action: uint8, target: address, certificate: Certificate) -> bytes32:
    """
    @notice Queues an unpause (action 2) or a parameter change (action 3) under the timelock.
            Only a governance signer may queue; the certificate must carry 2f + 1 distinct
            sentinels' signatures. Returns the operation id (the request's EIP-712 digest).
    """
    assert self.isGovernor[msg.sender], "Guardian: caller not a governor"
    assert action == ACTION_UNPAUSE or action == ACTION_SET_PARAMS, "Guardian: action not timelocked"
    assert target != empty(address), "Guardian: zero target"
    if action == ACTION_UNPAUSE:
        n: uint256 = len(certificate.params)
        assert n == 0 or n == 32, "Guardian: bad unpause parameters"
    else:
        assert len(certificate.params) == SET_PARAMS_LENGTH, "Guardian: bad parameter encoding"
    op_id: bytes32 = self._verify(action, target, certificate, 2 * self.f + 1)
    eta: uint256 = block.timestamp + self.timelockDelay
    params_hash: bytes32 = keccak256(certificate.params)
    self.operations[op_id] = Operation(
        action=action, target=target, paramsHash=params_hash, eta=eta, state=OP_QUEUED
    )
    log Queued(operationId=op_id, action=action, target=target, paramsHash=params_hash, eta=eta)
    return op_id


@external
def cancel(operationId: bytes32):
    """
    @notice Cancels a queued operation. Only a governance signer may cancel.
    """
    assert self.isGovernor[msg.sender], "Guardian: caller not a governor"
    assert self.operations[operationId].state == OP_QUEUED, "Guardian: operation not queued"
    self.operations[operationId].state = OP_CANCELLED
    log Cancelled(operationId=operationId, governor=msg.sender)


@internal
def _take_ready(operationId: bytes32, action: uint8) -> Operation:
    assert self.isGovernor[msg.sender], "Guardian: caller not a governor"
    op: Operation = self.operations[operationId]
    assert op.state == OP_QUEUED, "Guardian: operation not queued"
    assert op.action == action, "Guardian: wrong action"
    assert block.timestamp >= op.eta, "Guardian: timelock not expired"
    assert block.timestamp <= op.eta + GRACE_PERIOD, "Guardian: operation stale"
    self.operations[operationId].state = OP_EXECUTED
    log Executed(operationId=operationId, action=action, target=op.target)
    return op


@external
def executeUnpause(operationId: bytes32, params: Bytes[MAX_PARAMS]):
    """
    @notice Runs a queued unpause once its timelock has passed: empty `params` lift the target's
            pause, abi_encode(asset) lifts that asset's isolation. `params` must be the signed
            ones. Only a governance signer.
    """
    op: Operation = self._take_ready(operationId, ACTION_UNPAUSE)
    assert keccak256(params) == op.paramsHash, "Guardian: parameters do not match"
    if len(params) == 0:
        assert self.isPaused[op.target], "Guardian: target not paused"
        self.isPaused[op.target] = False
        log Unpaused(target=op.target, operationId=operationId)
    else:
        asset: address = abi_decode(params, address)
        assert self.isIsolated[op.target][asset], "Guardian: asset not isolated"
        self.isIsolated[op.target][asset] = False
        log Unisolated(target=op.target, asset=asset, operationId=operationId)


@external
def executeSetParams(operationId: bytes32, asset: address, params: LimiterParams):
    """
    @notice Runs a queued parameter change once its timelock has passed. The signed parameters
            must equal abi_encode(asset, params). Only a governance signer.
    """
    op: Operation = self._take_ready(operationId, ACTION_SET_PARAMS)
    assert keccak256(abi_encode(asset, params)) == op.paramsHash, "Guardian: parameters do not match"
    extcall Protected(op.target).setLimiterParams(asset, params)
