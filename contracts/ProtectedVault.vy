# pragma version ~=0.4.3
"""
@title Antibody protected vault
@notice A multi-asset ERC-20 vault whose outflows pass an ERC-7265-style limiter and which obeys
        the Antibody Guardian's pause (all assets) and isolation (one asset).
@dev    Limiter, per asset, in fixed windows of `windowSeconds`: at the first flow after a window
        ends a new one starts and records the asset's liquidity L (deposits held by the vault,
        including funds held for claim). Within a window, outflows may not bring liquidity below
        `minRetainedBps` of L: released(window) <= L * (10000 - minRetainedBps) / 10000
        + inflow(window). An outflow that would exceed this bound either reverts with
        "Vault: outflow limit exceeded" (revert mode; as in ERC-7265 nothing persists) or, in
        hold mode, trips the limiter for `cooldownSeconds` and is held for the recipient to claim
        later. While tripped, every outflow of the asset is held (hold mode) or reverts with
        "Vault: limiter tripped". Claims are outflows too and obey the bound. Parameters change
        only through the Guardian (2f + 1 sentinels and the timelock).
"""
from ethereum.ercs import IERC20

interface Guardian:
    def isPaused(target: address) -> bool: view
    def isIsolated(target: address, asset: address) -> bool: view

struct LimiterParams:
    windowSeconds: uint256
    minRetainedBps: uint256
    cooldownSeconds: uint256
    holdOnTrip: bool

struct Window:
    start: uint256
    startLiquidity: uint256
    inflow: uint256
    outflow: uint256

event Deposit:
    user: indexed(address)
    asset: indexed(address)
    amount: uint256

event Withdraw:
    user: indexed(address)
    asset: indexed(address)
    amount: uint256

event OutflowHeld:
    recipient: indexed(address)
    asset: indexed(address)
    amount: uint256

event LimiterTripped:
    asset: indexed(address)
    until: uint256
    attempted: uint256
    windowOutflow: uint256

event Claimed:
    recipient: indexed(address)
    asset: indexed(address)
    amount: uint256

event LimiterParamsSet:
    asset: indexed(address)
    windowSeconds: uint256
    minRetainedBps: uint256
    cooldownSeconds: uint256
    holdOnTrip: bool

MAX_ASSETS: constant(uint256) = 8
BPS: constant(uint256) = 10000
MAX_WINDOW: constant(uint256) = 30 * 86400
MAX_COOLDOWN: constant(uint256) = 30 * 86400

guardian: public(immutable(address))
assets: public(DynArray[address, MAX_ASSETS])
isAsset: public(HashMap[address, bool])
limiterParams: public(HashMap[address, LimiterParams])
windows: public(HashMap[address, Window])
trippedUntil: public(HashMap[address, uint256])
totalAssets: public(HashMap[address, uint256])
totalHeld: public(HashMap[address, uint256])
balanceOf: public(HashMap[address, HashMap[address, uint256]])
heldFor: public(HashMap[address, HashMap[address, uint256]])


@deploy
def __init__(
    guardian_: address,
    assets_: DynArray[address, MAX_ASSETS],
    params_: DynArray[LimiterParams, MAX_ASSETS],
):
    assert guardian_ != empty(address), "Vault: zero guardian"
    assert len(assets_) == len(params_), "Vault: one parameter set per asset"
    guardian = guardian_
    for i: uint256 in range(len(assets_), bound=MAX_ASSETS):
        a: address = assets_[i]
        assert a != empty(address), "Vault: zero asset"
        assert not self.isAsset[a], "Vault: duplicate asset"
        self.isAsset[a] = True
        self._set_params(a, params_[i])
    self.assets = assets_


@internal
def _set_params(asset: address, p: LimiterParams):
    assert p.windowSeconds > 0 and p.windowSeconds <= MAX_WINDOW, "Vault: window out of range"
    assert p.minRetainedBps <= BPS, "Vault: retained share above 100%"
    assert p.cooldownSeconds <= MAX_COOLDOWN, "Vault: cooldown out of range"
    self.limiterParams[asset] = p
    log LimiterParamsSet(
        asset=asset,
        windowSeconds=p.windowSeconds,
        minRetainedBps=p.minRetainedBps,
        cooldownSeconds=p.cooldownSeconds,
        holdOnTrip=p.holdOnTrip,
    )


@view
@internal
def _not_halted(asset: address):
    assert not staticcall Guardian(guardian).isPaused(self), "Vault: paused by guardian"
    assert not staticcall Guardian(guardian).isIsolated(self, asset), "Vault: asset isolated by guardian"


@view
@internal
def _current_window(asset: address) -> Window:
    w: Window = self.windows[asset]
    if block.timestamp >= w.start + self.limiterParams[asset].windowSeconds:
        return Window(start=block.timestamp, startLiquidity=self.totalAssets[asset], inflow=0, outflow=0)
    return w


@view
@internal
def _allowance(asset: address, w: Window) -> uint256:
    retained: uint256 = w.startLiquidity * self.limiterParams[asset].minRetainedBps // BPS
    bound: uint256 = w.startLiquidity - retained + w.inflow
    if w.outflow >= bound:
        return 0
    return bound - w.outflow


@internal
def _pay(asset: address, receiver: address, amount: uint256):
    self.totalAssets[asset] -= amount
    assert extcall IERC20(asset).transfer(receiver, amount, default_return_value=True), "Vault: transfer failed"


@view
@external
def paused() -> bool:
    """
    @notice Whether the Guardian has paused this vault.
    """
    return staticcall Guardian(guardian).isPaused(self)


@view
@external
def availableOutflow(asset: address) -> uint256:
    """
    @notice How much of `asset` may still leave in the current window (0 while tripped).
    """
    if block.timestamp < self.trippedUntil[asset]:
        return 0
    return self._allowance(asset, self._current_window(asset))


@external
@nonreentrant
def deposit(asset: address, amount: uint256):
    assert self.isAsset[asset], "Vault: unknown asset"
    assert amount > 0, "Vault: zero amount"
    self._not_halted(asset)
    w: Window = self._current_window(asset)
    w.inflow += amount
    self.windows[asset] = w
    self.totalAssets[asset] += amount
    self.balanceOf[msg.sender][asset] += amount
    assert extcall IERC20(asset).transferFrom(msg.sender, self, amount, default_return_value=True), "Vault: transfer failed"
    log Deposit(user=msg.sender, asset=asset, amount=amount)


@external
@nonreentrant
def withdraw(asset: address, amount: uint256) -> bool:
    """
    @notice Withdraws `amount` of `asset`. Returns True when paid now, False when the limiter held
            the amount for a later `claim`.
    """
    assert self.isAsset[asset], "Vault: unknown asset"
    assert amount > 0, "Vault: zero amount"
    self._not_halted(asset)
    assert self.balanceOf[msg.sender][asset] >= amount, "Vault: insufficient balance"
    self.balanceOf[msg.sender][asset] -= amount
    p: LimiterParams = self.limiterParams[asset]
    w: Window = self._current_window(asset)
    if block.timestamp < self.trippedUntil[asset]:
        assert p.holdOnTrip, "Vault: limiter tripped"
        self.windows[asset] = w
        self._hold(asset, msg.sender, amount)
        return False
    if amount > self._allowance(asset, w):
        assert p.holdOnTrip, "Vault: outflow limit exceeded"
        until: uint256 = block.timestamp + p.cooldownSeconds
        self.trippedUntil[asset] = until
        self.windows[asset] = w
        log LimiterTripped(asset=asset, until=until, attempted=amount, windowOutflow=w.outflow)
        self._hold(asset, msg.sender, amount)
        return False
    w.outflow += amount
    self.windows[asset] = w
    self._pay(asset, msg.sender, amount)
    log Withdraw(user=msg.sender, asset=asset, amount=amount)
    return True


@internal
def _hold(asset: address, recipient: address, amount: uint256):
    self.heldFor[recipient][asset] += amount
    self.totalHeld[asset] += amount
    log OutflowHeld(recipient=recipient, asset=asset, amount=amount)


@external
@nonreentrant
def claim(asset: address):
    """
    @notice Pays out what the limiter held for the caller, once the cooldown is over. The payment
            is an outflow and obeys the window bound.
    """
    self._not_halted(asset)
    amount: uint256 = self.heldFor[msg.sender][asset]
    assert amount > 0, "Vault: nothing to claim"
    assert block.timestamp >= self.trippedUntil[asset], "Vault: limiter tripped"
    w: Window = self._current_window(asset)
    assert amount <= self._allowance(asset, w), "Vault: outflow limit exceeded"
    w.outflow += amount
    self.windows[asset] = w
    self.heldFor[msg.sender][asset] = 0
    self.totalHeld[asset] -= amount
    self._pay(asset, msg.sender, amount)
    log Claimed(recipient=msg.sender, asset=asset, amount=amount)


@external
def setLimiterParams(asset: address, params: LimiterParams):
    """
    @notice Changes an asset's limiter parameters. Only the Guardian (after 2f + 1 sentinels and
            the timelock).
    """
    assert msg.sender == guardian, "Vault: caller not the guardian"
    assert self.isAsset[asset], "Vault: unknown asset"
    self._set_params(asset, params)
