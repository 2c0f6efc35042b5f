"""Hypothesis stateful tests: the contracts against small reference models, with invariants checked
from on-chain observations after every step.

- Limiter: the vault's outflows in any window never exceed L * (10000 - minRetainedBps) / 10000 plus
  that window's inflows (L = liquidity at the window's start, from the token's own Transfer events);
  tokens are conserved; every withdraw/claim outcome (paid, held, or the exact revert reason) matches
  the model.
- Guardian: a target becomes paused only by a certificate with f + 1 distinct valid sentinel
  signatures; it becomes unpaused only by an operation queued by a governor with 2f + 1 and executed
  after the timelock; every rejection's reason matches the model's.
"""

from __future__ import annotations

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from harness import (
    ACTION_PAUSE,
    ACTION_UNPAUSE,
    CHAIN_ID,
    Chain,
    Reverted,
    address_of,
    certificate,
    high_s,
    sentinel_key,
)

SETTINGS = settings(
    max_examples=10,
    stateful_step_count=25,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
BPS = 10_000


# --- limiter ---------------------------------------------------------------------------------

WINDOW, RETAIN_BPS, COOLDOWN = 3600, 7000, 1800
USERS = 2


class LimiterWorld:
    """One deployment shared by every example; each example starts from the same snapshot."""

    _instance = None

    @classmethod
    def get(cls):
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance

    def __init__(self):
        chain = Chain()
        self.chain = chain
        self.users = chain.accounts[3:3 + USERS]
        guardian = chain.deploy("Guardian", [address_of(sentinel_key(f"s{i}")) for i in range(4)], 1,
                                [chain.accounts[1]], 3600)
        self.strict = chain.deploy("TestToken", "Strict", "S", 18)
        self.lenient = chain.deploy("TestToken", "Held", "H", 18)
        self.vault = chain.deploy("ProtectedVault", guardian.address, [self.strict.address, self.lenient.address],
                                  [(WINDOW, RETAIN_BPS, COOLDOWN, False), (WINDOW, RETAIN_BPS, COOLDOWN, True)])
        for token in (self.strict, self.lenient):
            for user in self.users:
                token.transact("mint", user, 10**12)
                token.transact("approve", self.vault.address, 2**256 - 1, sender=user)
        self.snapshot = chain.snapshot()


class LimiterModel:
    """The limiter's specification, written from the docs, not from the contract."""

    def __init__(self, hold: bool):
        self.hold = hold
        self.total = 0
        self.balance = [0] * USERS
        self.held = [0] * USERS
        self.start = 0
        self.start_liquidity = 0
        self.inflow = 0
        self.outflow = 0
        self.tripped_until = 0

    def roll(self, now: int) -> None:
        if now >= self.start + WINDOW:
            self.start, self.start_liquidity, self.inflow, self.outflow = now, self.total, 0, 0

    def room(self) -> int:
        bound = self.start_liquidity - self.start_liquidity * RETAIN_BPS // BPS + self.inflow
        return max(0, bound - self.outflow)

    def deposit(self, user: int, amount: int, now: int) -> str:
        self.roll(now)
        self.inflow += amount
        self.total += amount
        self.balance[user] += amount
        return "ok"

    def withdraw(self, user: int, amount: int, now: int) -> str:
        if self.balance[user] < amount:
            return "Vault: insufficient balance"
        if now < self.tripped_until:
            if not self.hold:
                return "Vault: limiter tripped"
            self.roll(now)
            self.balance[user] -= amount
            self.held[user] += amount
            return "held"
        self.roll(now)
        if amount > self.room():
            if not self.hold:
                return "Vault: outflow limit exceeded"
            self.tripped_until = now + COOLDOWN
            self.balance[user] -= amount
            self.held[user] += amount
            return "held"
        self.balance[user] -= amount
        self.outflow += amount
        self.total -= amount
        return "paid"

    def claim(self, user: int, now: int) -> str:
        amount = self.held[user]
        if amount == 0:
            return "Vault: nothing to claim"
        if now < self.tripped_until:
            return "Vault: limiter tripped"
        self.roll(now)
        if amount > self.room():
            return "Vault: outflow limit exceeded"
        self.outflow += amount
        self.held[user] = 0
        self.total -= amount
        return "paid"


class LimiterMachine(RuleBasedStateMachine):
    hold = False

    def __init__(self):
        super().__init__()
        self.world = LimiterWorld.get()
        self.world.chain.revert(self.world.snapshot)
        self.token = self.world.lenient if self.hold else self.world.strict
        self.model = LimiterModel(self.hold)
        # Observed on chain, independently of both the model and the vault's own bookkeeping:
        self.liquidity = 0  # the vault's token balance, from Transfer events
        self.windows: dict[int, dict[str, int]] = {}  # window start → liquidity at start, in, out

    @property
    def now(self) -> int:
        return self.world.chain.pending_timestamp

    def observe(self, receipt) -> None:
        """Books the vault's token transfers of one mined transaction into its window."""
        start = self.world.vault.call("windows", self.token.address)[0]
        vault = self.world.vault.address.lower()
        for event in self.token.decode_logs(receipt):
            if event.name != "Transfer":
                continue
            window = self.windows.setdefault(start, {"liquidity": self.liquidity, "in": 0, "out": 0})
            if event.args["receiver"] == vault:
                window["in"] += event.args["value"]
                self.liquidity += event.args["value"]
            elif event.args["sender"] == vault:
                window["out"] += event.args["value"]
                self.liquidity -= event.args["value"]

    def run(self, expected: str, fn: str, *args, sender: str) -> None:
        try:
            receipt = self.world.vault.transact(fn, *args, sender=sender)
        except Reverted as reverted:
            assert reverted.reason == expected, (fn, args, reverted.reason, expected)
            event(f"{fn}: {expected}")
            return
        paid = any(e.name in ("Withdraw", "Claimed", "Deposit") for e in self.world.vault.decode_logs(receipt))
        outcome = "ok" if fn == "deposit" else ("paid" if paid else "held")
        assert outcome == expected, (fn, args, outcome, expected)
        event(f"{fn}: {outcome}")
        self.observe(receipt)

    @initialize(amounts=st.lists(st.integers(10**6, 10**9), min_size=USERS, max_size=USERS))
    def fund(self, amounts):
        """Every user deposits, then a new window starts with that liquidity."""
        for user, amount in enumerate(amounts):
            self.deposit(user, amount)
        self.world.chain.sleep(WINDOW)

    @rule(user=st.integers(0, USERS - 1), amount=st.integers(1, 10**9))
    def deposit(self, user, amount):
        expected = self.model.deposit(user, amount, self.now)
        self.run(expected, "deposit", self.token.address, amount, sender=self.world.users[user])

    @rule(user=st.integers(0, USERS - 1), percent=st.integers(1, 120), extra=st.integers(0, 3))
    def withdraw(self, user, percent, extra):
        amount = max(1, self.model.balance[user] * percent // 100 + extra)
        expected = self.model.withdraw(user, amount, self.now)
        self.run(expected, "withdraw", self.token.address, amount, sender=self.world.users[user])

    @rule(user=st.integers(0, USERS - 1))
    def claim(self, user):
        expected = self.model.claim(user, self.now)
        self.run(expected, "claim", self.token.address, sender=self.world.users[user])

    @rule(seconds=st.sampled_from([1, 300, 1200, 1800, 3599, 3600, 7200]))
    def wait(self, seconds):
        self.world.chain.sleep(seconds)

    @invariant()
    def never_releases_more_than_the_bound_per_window(self):
        for start, w in self.windows.items():
            bound = w["liquidity"] - w["liquidity"] * RETAIN_BPS // BPS + w["in"]
            assert w["out"] <= bound, (start, w, bound)

    @invariant()
    def tokens_are_conserved(self):
        vault, token = self.world.vault, self.token
        on_chain = token.call("balanceOf", vault.address)
        assert on_chain == self.liquidity == vault.call("totalAssets", token.address) == self.model.total
        assert vault.call("totalHeld", token.address) == sum(self.model.held)
        for i, user in enumerate(self.world.users):
            assert vault.call("balanceOf", user, token.address) == self.model.balance[i]
            assert vault.call("heldFor", user, token.address) == self.model.held[i]
        assert sum(self.model.balance) + sum(self.model.held) == self.model.total


class HoldingLimiterMachine(LimiterMachine):
    hold = True


TestLimiterRevertMode = LimiterMachine.TestCase
TestLimiterRevertMode.settings = SETTINGS
TestLimiterHoldMode = HoldingLimiterMachine.TestCase
TestLimiterHoldMode.settings = SETTINGS


# --- guardian --------------------------------------------------------------------------------

N, F, TIMELOCK, GRACE = 4, 1, 3600, 14 * 86400
MEMBERS = [sentinel_key(f"gs{i}") for i in range(N)]
KEYS = MEMBERS + [sentinel_key("outsider")]  # index N is not a sentinel


class GuardianWorld:
    _instance = None

    @classmethod
    def get(cls):
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance

    def __init__(self):
        chain = Chain()
        self.chain = chain
        self.governor, self.stranger = chain.accounts[1], chain.accounts[2]
        self.guardian = chain.deploy("Guardian", [address_of(k) for k in MEMBERS], F, [self.governor], TIMELOCK)
        self.targets = [chain.accounts[7], chain.accounts[8]]
        self.snapshot = chain.snapshot()


# Mostly distinct members (so quorums are reached often), sometimes any mix of members, outsiders
# and duplicates; the other flaws are drawn rarely, so every path is visited.
distinct_members = st.permutations(list(range(N))).flatmap(lambda p: st.integers(0, N).map(lambda k: list(p[:k])))
signer_lists = st.one_of(distinct_members, distinct_members, distinct_members,
                         st.lists(st.integers(0, N), min_size=0, max_size=N + 1))
rarely = st.integers(0, 5).map(lambda x: x == 0)
nonces = st.integers(0, 30)


class GuardianMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.world = GuardianWorld.get()
        self.world.chain.revert(self.world.snapshot)
        self.paused = [False, False]
        self.used_nonces: set[int] = set()
        self.ops: list[dict] = []  # queued operations: id, target, eta, state
        self.last_nonce: int | None = None

    @property
    def now(self) -> int:
        return self.world.chain.pending_timestamp

    def expected_verify_failure(self, signers, nonce, expiry, wrong_chain, malleable, threshold):
        if wrong_chain:
            return "Guardian: wrong chain id"
        if self.now > expiry:
            return "Guardian: request expired"
        if nonce in self.used_nonces:
            return "Guardian: nonce already used"
        if len(signers) < threshold:
            return "Guardian: not enough signatures"
        seen = set()
        for position, index in enumerate(signers):
            if malleable and position == len(signers) - 1:
                return "Guardian: high-s signature"
            if index >= N:
                return "Guardian: signer not a sentinel"
            if index in seen:
                return "Guardian: duplicate signer"
            seen.add(index)
        return None

    def cert(self, action, target, signers, nonce, expiry, wrong_chain, malleable):
        mutate = (lambda s: s[:-1] + [high_s(s[-1])]) if malleable and signers else None
        return certificate([KEYS[i] for i in signers], action, target, nonce, expiry, self.world.guardian.address,
                           chain_id=CHAIN_ID + 1 if wrong_chain else CHAIN_ID, mutate=mutate)

    def attempt(self, fn, *args, sender, expected):
        try:
            receipt = self.world.guardian.transact(fn, *args, sender=sender)
        except Reverted as reverted:
            assert reverted.reason == expected, (fn, reverted.reason, expected)
            event(f"{fn}: {expected}")
            return None
        event(f"{fn}: ok")
        assert expected is None, (fn, "succeeded but the model expected", expected)
        return receipt

    @rule(index=st.integers(0, 1), signers=signer_lists, nonce=nonces,
          expiry_offset=st.sampled_from([-1, 0, 100, 100, 100]), wrong_chain=rarely, malleable=rarely)
    def pause(self, index, signers, nonce, expiry_offset, wrong_chain, malleable):
        malleable = malleable and bool(signers)
        self.last_nonce = nonce
        expiry = self.now + expiry_offset
        expected = "Guardian: already paused" if self.paused[index] else self.expected_verify_failure(
            signers, nonce, expiry, wrong_chain, malleable, F + 1)
        address = self.world.targets[index]
        cert = self.cert(ACTION_PAUSE, address, signers, nonce, expiry, wrong_chain, malleable)
        receipt = self.attempt("pause", address, cert, sender=self.world.stranger, expected=expected)
        if receipt is not None:
            # The invariant itself: success only with f + 1 distinct member signatures, low s.
            assert len({i for i in signers if i < N}) >= F + 1 and not malleable and not wrong_chain
            self.paused[index] = True
            self.used_nonces.add(nonce)

    @rule(index=st.integers(0, 1), signers=signer_lists, nonce=nonces,
          by_governor=st.integers(0, 5).map(lambda x: x != 0), malleable=rarely)
    def queue_unpause(self, index, signers, nonce, by_governor, malleable):
        malleable = malleable and bool(signers)
        self.last_nonce = nonce
        expiry = self.now + 100
        expected = None if by_governor else "Guardian: caller not a governor"
        expected = expected or self.expected_verify_failure(signers, nonce, expiry, False, malleable, 2 * F + 1)
        address = self.world.targets[index]
        cert = self.cert(ACTION_UNPAUSE, address, signers, nonce, expiry, False, malleable)
        sender = self.world.governor if by_governor else self.world.stranger
        queued_at = self.now
        receipt = self.attempt("queue", ACTION_UNPAUSE, address, cert, sender=sender, expected=expected)
        if receipt is not None:
            assert len({i for i in signers if i < N}) >= 2 * F + 1 and by_governor
            (event,) = self.world.guardian.decode_logs(receipt)
            assert event.args["eta"] == queued_at + TIMELOCK
            self.ops.append({"id": event.args["operationId"], "target": index, "eta": queued_at + TIMELOCK,
                             "state": "queued"})
            self.used_nonces.add(nonce)

    @precondition(lambda self: self.ops)
    @rule(which=st.integers(0, 100), by_governor=st.integers(0, 5).map(lambda x: x != 0), cancel=rarely)
    def execute_or_cancel(self, which, by_governor, cancel):
        op = self.ops[which % len(self.ops)]
        sender = self.world.governor if by_governor else self.world.stranger
        now = self.now
        if not by_governor:
            expected = "Guardian: caller not a governor"
        elif op["state"] != "queued":
            expected = "Guardian: operation not queued"
        elif cancel:
            expected = None
        elif now < op["eta"]:
            expected = "Guardian: timelock not expired"
        elif now > op["eta"] + GRACE:
            expected = "Guardian: operation stale"
        elif not self.paused[op["target"]]:
            expected = "Guardian: target not paused"
        else:
            expected = None
        args = (op["id"],) if cancel else (op["id"], b"")
        receipt = self.attempt("cancel" if cancel else "executeUnpause", *args, sender=sender, expected=expected)
        if receipt is not None:
            if cancel:
                op["state"] = "cancelled"
            else:
                assert now >= op["eta"]  # the invariant: never before the timelock
                op["state"] = "executed"
                self.paused[op["target"]] = False

    @rule(seconds=st.sampled_from([1, 600, 3599, 3600, 86400]))
    def wait(self, seconds):
        self.world.chain.sleep(seconds)

    @invariant()
    def chain_matches_model(self):
        guardian = self.world.guardian
        for i, target in enumerate(self.world.targets):
            assert guardian.call("isPaused", target) == self.paused[i]
        if self.last_nonce is not None:  # the nonce the last step tried, used or not
            assert guardian.call("nonceUsed", self.last_nonce) == (self.last_nonce in self.used_nonces)


TestGuardianQuorums = GuardianMachine.TestCase
TestGuardianQuorums.settings = settings(SETTINGS, max_examples=12, stateful_step_count=30)
