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
        Signed struct: ActionRequest(uint8 action,address target,bytes32 params,uint256 nonce,
        uint256 expiry). Actions: 0 pause, 1 unpause, 2 set parameters, 3 isolate (reserved).
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
    params: bytes32
    nonce: uint256
    expiry: uint256
    signatures: DynArray[Signature, MAX_SENTINELS]

struct Operation:
    action: uint8
    target: address
    params: bytes32
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
    params: bytes32
    signers: uint256

event Queued:
    operationId: indexed(bytes32)
    action: uint8
    target: indexed(address)
    params: bytes32
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

MAX_SENTINELS: constant(uint256) = 16
MAX_GOVERNORS: constant(uint256) = 8

ACTION_PAUSE: constant(uint8) = 0
ACTION_UNPAUSE: constant(uint8) = 1
ACTION_SET_PARAMS: constant(uint8) = 2

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
    "ActionRequest(uint8 action,address target,bytes32 params,uint256 nonce,uint256 expiry)"
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
        abi_encode(ACTION_TYPEHASH, action, target, cert.params, cert.nonce, cert.expiry)
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
    assert block.timestamp <= cert.expiry, "Guardian: request expired"
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
def actionDigest(action: uint8, target: address, params: bytes32, nonce: uint256, expiry: uint256) -> bytes32:
    """
    @notice The EIP-712 digest sentinels sign for an ActionRequest on this guardian and chain.
    """
    struct_hash: bytes32 = keccak256(abi_encode(ACTION_TYPEHASH, action, target, params, nonce, expiry))
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
            sentinels' signatures over ActionRequest(0, target, params, nonce, expiry).
    """
    assert target != empty(address), "Guardian: zero target"
    assert not self.isPaused[target], "Guardian: already paused"
    self._verify(ACTION_PAUSE, target, certificate, self.f + 1)
    self.isPaused[target] = True
    self.pausedAt[target] = block.timestamp
    log Paused(target=target, nonce=certificate.nonce, params=certificate.params, signers=len(certificate.signatures))


@external
def queue(action: uint8, target: address, certificate: Certificate) -> bytes32:
    """
    @notice Queues an unpause (action 1) or a parameter change (action 2) under the timelock.
            Only a governance signer may queue; the certificate must carry 2f + 1 distinct
            sentinels' signatures. Returns the operation id (the request's EIP-712 digest).
    """
    assert self.isGovernor[msg.sender], "Guardian: caller not a governor"
    assert action == ACTION_UNPAUSE or action == ACTION_SET_PARAMS, "Guardian: action not timelocked"
    assert target != empty(address), "Guardian: zero target"
    op_id: bytes32 = self._verify(action, target, certificate, 2 * self.f + 1)
    eta: uint256 = block.timestamp + self.timelockDelay
    self.operations[op_id] = Operation(
        action=action, target=target, params=certificate.params, eta=eta, state=OP_QUEUED
    )
    log Queued(operationId=op_id, action=action, target=target, params=certificate.params, eta=eta)
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
def executeUnpause(operationId: bytes32):
    """
    @notice Runs a queued unpause once its timelock has passed. Only a governance signer.
    """
    op: Operation = self._take_ready(operationId, ACTION_UNPAUSE)
    assert self.isPaused[op.target], "Guardian: target not paused"
    self.isPaused[op.target] = False
    log Unpaused(target=op.target, operationId=operationId)


@external
def executeSetParams(operationId: bytes32, asset: address, params: LimiterParams):
    """
    @notice Runs a queued parameter change once its timelock has passed. The signed `params`
            field must equal keccak256(abi_encode(asset, params)). Only a governance signer.
    """
    op: Operation = self._take_ready(operationId, ACTION_SET_PARAMS)
    assert keccak256(abi_encode(asset, params)) == op.params, "Guardian: parameters do not match"
    extcall Protected(op.target).setLimiterParams(asset, params)
