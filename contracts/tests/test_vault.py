"""ProtectedVault: deposits, the ERC-7265-style outflow limiter in revert and hold modes, claims,
and the Guardian's pause — each rejection with its exact revert reason, mined on chain."""

from __future__ import annotations

import pytest

from harness import ACTION_ISOLATE, ACTION_PAUSE, Chain, Reverted, address_of, asset_param, certificate, sentinel_key

SENTINELS = [sentinel_key(f"sentinel {i}") for i in range(4)]
WINDOW, RETAIN_BPS, COOLDOWN = 3600, 7000, 1800
UNIT = 10**18


@pytest.fixture(scope="module")
def world():
    chain = Chain()
    alice, bob = chain.accounts[3], chain.accounts[4]
    guardian = chain.deploy("Guardian", [address_of(k) for k in SENTINELS], 1, [chain.accounts[1]], 3600)
    strict = chain.deploy("TestToken", "Strict USD", "SUSD", 18)
    lenient = chain.deploy("TestToken", "Held USD", "HUSD", 18)
    vault = chain.deploy("ProtectedVault", guardian.address, [strict.address, lenient.address],
                         [(WINDOW, RETAIN_BPS, COOLDOWN, False), (WINDOW, RETAIN_BPS, COOLDOWN, True)])
    for token in (strict, lenient):
        for user in (alice, bob):
            token.transact("mint", user, 1000 * UNIT)
            token.transact("approve", vault.address, 2**256 - 1, sender=user)
    return chain, guardian, vault, strict, lenient, alice, bob


@pytest.fixture
def env(world):
    chain = world[0]
    snap = chain.snapshot()
    yield world
    chain.revert(snap)


def expect_revert(reason, fn, *args, **kwargs):
    with pytest.raises(Reverted) as info:
        fn(*args, **kwargs)
    assert info.value.reason == reason
    assert info.value.receipt["status"] == 0


def test_deposit_and_withdraw_within_the_bound(env):
    chain, _, vault, strict, _, alice, _ = env
    vault.transact("deposit", strict.address, 100 * UNIT, sender=alice)
    chain.sleep(WINDOW)  # a fresh window that starts with 100 liquidity: 30 may leave
    assert vault.call("availableOutflow", strict.address) == 30 * UNIT
    receipt = vault.transact("withdraw", strict.address, 30 * UNIT, sender=alice)
    assert [e.name for e in vault.decode_logs(receipt)] == ["Withdraw"]
    assert strict.call("balanceOf", alice) == 930 * UNIT
    assert vault.call("availableOutflow", strict.address) == 0
    expect_revert("Vault: outflow limit exceeded", vault.transact, "withdraw", strict.address, 1, sender=alice)
    chain.sleep(WINDOW)
    vault.transact("withdraw", strict.address, 21 * UNIT, sender=alice)  # 30% of the 70 left
    expect_revert("Vault: outflow limit exceeded", vault.transact, "withdraw", strict.address, 1, sender=alice)


def test_inflows_in_the_window_raise_the_bound(env):
    chain, _, vault, strict, _, alice, bob = env
    vault.transact("deposit", strict.address, 100 * UNIT, sender=alice)
    chain.sleep(WINDOW)
    vault.transact("withdraw", strict.address, 30 * UNIT, sender=alice)
    vault.transact("deposit", strict.address, 10 * UNIT, sender=bob)
    assert vault.call("availableOutflow", strict.address) == 10 * UNIT
    vault.transact("withdraw", strict.address, 10 * UNIT, sender=bob)


def test_input_validation(env):
    chain, _, vault, strict, _, alice, _ = env
    expect_revert("Vault: unknown asset", vault.transact, "deposit", alice, 1, sender=alice)
    expect_revert("Vault: zero amount", vault.transact, "deposit", strict.address, 0, sender=alice)
    expect_revert("Vault: insufficient balance", vault.transact, "withdraw", strict.address, 1, sender=alice)
    expect_revert("Vault: nothing to claim", vault.transact, "claim", strict.address, sender=alice)


def test_hold_mode_trips_holds_and_releases_after_cooldown(env):
    chain, _, vault, _, lenient, alice, bob = env
    vault.transact("deposit", lenient.address, 100 * UNIT, sender=alice)
    vault.transact("deposit", lenient.address, 100 * UNIT, sender=bob)
    chain.sleep(WINDOW)
    assert vault.transact("withdraw", lenient.address, 50 * UNIT, sender=alice)["status"] == 1
    receipt = vault.transact("withdraw", lenient.address, 20 * UNIT, sender=alice)  # 70 > 60: trips
    names = [e.name for e in vault.decode_logs(receipt)]
    assert names == ["LimiterTripped", "OutflowHeld"]
    assert vault.call("heldFor", alice, lenient.address) == 20 * UNIT
    assert lenient.call("balanceOf", alice) == 950 * UNIT
    # While tripped, even a small withdrawal is held, not paid.
    vault.transact("withdraw", lenient.address, 1 * UNIT, sender=bob)
    assert vault.call("heldFor", bob, lenient.address) == 1 * UNIT
    assert vault.call("availableOutflow", lenient.address) == 0
    expect_revert("Vault: limiter tripped", vault.transact, "claim", lenient.address, sender=alice)
    chain.sleep(COOLDOWN)
    # Cooldown over but the window (started 1 block + 2 s earlier) still has 10 left: the 20 claim waits.
    expect_revert("Vault: outflow limit exceeded", vault.transact, "claim", lenient.address, sender=alice)
    vault.transact("claim", lenient.address, sender=bob)
    chain.sleep(WINDOW)
    receipt = vault.transact("claim", lenient.address, sender=alice)
    assert [e.name for e in vault.decode_logs(receipt)] == ["Claimed"]
    assert lenient.call("balanceOf", alice) == 970 * UNIT
    assert vault.call("totalAssets", lenient.address) == lenient.call("balanceOf", vault.address) == 129 * UNIT


def test_guardian_pause_blocks_every_outflow(env):
    chain, guardian, vault, strict, lenient, alice, bob = env
    vault.transact("deposit", strict.address, 100 * UNIT, sender=alice)
    vault.transact("deposit", lenient.address, 100 * UNIT, sender=bob)
    cert = certificate(SENTINELS[:2], ACTION_PAUSE, vault.address, 1, chain.pending_timestamp + 60,
                       guardian.address)
    guardian.transact("pause", vault.address, cert)
    assert vault.call("paused")
    expect_revert("Vault: paused by guardian", vault.transact, "withdraw", strict.address, 1, sender=alice)
    expect_revert("Vault: paused by guardian", vault.transact, "withdraw", lenient.address, 1, sender=bob)
    expect_revert("Vault: paused by guardian", vault.transact, "deposit", strict.address, 1, sender=alice)
    expect_revert("Vault: paused by guardian", vault.transact, "claim", lenient.address, sender=bob)


def test_guardian_isolation_stops_one_asset_only(env):
    chain, guardian, vault, strict, lenient, alice, bob = env
    vault.transact("deposit", strict.address, 100 * UNIT, sender=alice)
    vault.transact("deposit", lenient.address, 100 * UNIT, sender=bob)
    chain.sleep(WINDOW)
    cert = certificate(SENTINELS[1:3], ACTION_ISOLATE, vault.address, 1, chain.pending_timestamp + 60,
                       guardian.address, asset_param(lenient.address))
    guardian.transact("isolate", vault.address, cert)
    expect_revert("Vault: asset isolated by guardian", vault.transact, "withdraw", lenient.address, 1, sender=bob)
    vault.transact("withdraw", strict.address, 10 * UNIT, sender=alice)


def test_setting_params_directly_is_refused(env):
    chain, _, vault, strict, _, alice, _ = env
    expect_revert("Vault: caller not the guardian", vault.transact, "setLimiterParams", strict.address,
                  (WINDOW, 0, 0, False), sender=alice)


def test_constructor_validation(world):
    chain, guardian, _, strict, *_ = world
    with pytest.raises(Reverted) as info:
        chain.deploy("ProtectedVault", guardian.address, [strict.address], [(0, 0, 0, False)])
    assert info.value.reason == "Vault: window out of range"
    with pytest.raises(Reverted) as info:
        chain.deploy("ProtectedVault", guardian.address, [strict.address], [(60, 10001, 0, False)])
    assert info.value.reason == "Vault: retained share above 100%"
