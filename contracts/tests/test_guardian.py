"""Guardian: EIP-712 agreement with an independent signer, the pause quorum (f + 1), the timelocked
governance path (2f + 1), and every rejection with its exact revert reason, mined on chain."""

from __future__ import annotations

import pytest

from harness import (
    ACTION_ISOLATE,
    ACTION_PAUSE,
    ACTION_SET_PARAMS,
    ACTION_UNPAUSE,
    CHAIN_ID,
    Chain,
    Reverted,
    address_of,
    certificate,
    asset_param,
    high_s,
    limiter_params,
    request_digest,
    sentinel_key,
)

N, F = 4, 1
TIMELOCK = 3600
SENTINELS = [sentinel_key(f"sentinel {i}") for i in range(N)]
OUTSIDER = sentinel_key("outsider")


@pytest.fixture(scope="module")
def world():
    chain = Chain()
    governor, attacker = chain.accounts[1], chain.accounts[2]
    guardian = chain.deploy("Guardian", [address_of(k) for k in SENTINELS], F, [governor], TIMELOCK)
    token = chain.deploy("TestToken", "Test USD", "TUSD", 18)
    params = (3600, 5000, 600, False)
    vault = chain.deploy("ProtectedVault", guardian.address, [token.address], [params])
    return chain, guardian, vault, token, governor, attacker


@pytest.fixture
def env(world):
    chain = world[0]
    snap = chain.snapshot()
    yield world
    chain.revert(snap)


def expiry(chain: Chain, seconds: int = 600) -> int:
    return chain.pending_timestamp + seconds


def expect_revert(reason: str, fn, *args, **kwargs):
    with pytest.raises(Reverted) as info:
        fn(*args, **kwargs)
    assert info.value.reason == reason
    assert info.value.receipt["status"] == 0  # rejected by a mined transaction, not only a dry run


def test_digest_matches_independent_eip712_signer(env):
    chain, guardian, vault, *_ = env
    for action, params in ((ACTION_PAUSE, b""), (ACTION_SET_PARAMS, bytes(range(160))),
                           (ACTION_ISOLATE, asset_param(vault.address))):
        ours = request_digest(action, vault.address, params, 42, 4_100_000_000,
                              chain_id=CHAIN_ID, verifying_contract=guardian.address)
        assert guardian.call("actionDigest", action, vault.address, params, 42, 4_100_000_000) == ours
    assert guardian.call("pauseThreshold") == F + 1
    assert guardian.call("governanceThreshold") == 2 * F + 1
    assert guardian.call("sentinelCount") == N


def test_constructor_rejects_too_few_sentinels_for_f(world):
    chain = world[0]
    with pytest.raises(Reverted) as info:
        chain.deploy("Guardian", [address_of(k) for k in SENTINELS[:3]], 1, [chain.accounts[1]], TIMELOCK)
    assert info.value.reason == "Guardian: need n >= 3f + 1 sentinels"


def test_pause_with_f_plus_1_signatures(env):
    chain, guardian, vault, _, _, attacker = env
    cert = certificate(SENTINELS[2:4], ACTION_PAUSE, vault.address, 7, expiry(chain), guardian.address)
    receipt = guardian.transact("pause", vault.address, cert, sender=attacker)  # anyone may submit
    assert guardian.call("isPaused", vault.address)
    assert vault.call("paused")
    (event,) = guardian.decode_logs(receipt)
    assert event.name == "Paused"
    assert event.args == {"target": vault.address.lower(), "nonce": 7, "signers": 2}
    assert guardian.call("nonceUsed", 7)


@pytest.mark.parametrize("case,reason", [
    ("f signatures", "Guardian: not enough signatures"),
    ("no signatures", "Guardian: not enough signatures"),
    ("non-member", "Guardian: signer not a sentinel"),
    ("duplicate signer", "Guardian: duplicate signer"),
    ("expired", "Guardian: request expired"),
    ("wrong chain id", "Guardian: wrong chain id"),
    ("signed for another chain", "Guardian: signer not a sentinel"),
    ("wrong verifying contract", "Guardian: wrong verifying contract"),
    ("high-s", "Guardian: high-s signature"),
    ("bad v", "Guardian: bad signature v"),
    ("unrecoverable", "Guardian: invalid signature"),
    ("tampered expiry", "Guardian: signer not a sentinel"),
    ("parameters on a pause", "Guardian: pause takes no parameters"),
])
def test_pause_rejections(env, case, reason):
    chain, guardian, vault, *_ = env
    target, g = vault.address, guardian.address
    exp = expiry(chain)
    keys = SENTINELS[:2]
    if case == "f signatures":
        cert = certificate(SENTINELS[:F], ACTION_PAUSE, target, 1, exp, g)
    elif case == "no signatures":
        cert = certificate([], ACTION_PAUSE, target, 1, exp, g)
    elif case == "non-member":
        cert = certificate([SENTINELS[0], OUTSIDER], ACTION_PAUSE, target, 1, exp, g)
    elif case == "duplicate signer":
        cert = certificate([SENTINELS[0], SENTINELS[0]], ACTION_PAUSE, target, 1, exp, g)
    elif case == "expired":
        cert = certificate(keys, ACTION_PAUSE, target, 1, chain.pending_timestamp - 1, g)
    elif case == "wrong chain id":
        cert = certificate(keys, ACTION_PAUSE, target, 1, exp, g, chain_id=1)
    elif case == "signed for another chain":
        cert = certificate(keys, ACTION_PAUSE, target, 1, exp, g, signed_chain_id=1)
    elif case == "wrong verifying contract":
        cert = certificate(keys, ACTION_PAUSE, target, 1, exp, g, verifying_contract=vault.address)
    elif case == "high-s":
        cert = certificate(keys, ACTION_PAUSE, target, 1, exp, g, mutate=lambda s: [s[0], high_s(s[1])])
    elif case == "bad v":
        cert = certificate(keys, ACTION_PAUSE, target, 1, exp, g, mutate=lambda s: [s[0], (29, s[1][1], s[1][2])])
    elif case == "unrecoverable":
        cert = certificate(keys, ACTION_PAUSE, target, 1, exp, g,
                           mutate=lambda s: [s[0], (s[1][0], b"\x00" * 32, s[1][2])])
    elif case == "tampered expiry":
        cert = certificate(keys, ACTION_PAUSE, target, 1, exp, g)
        cert = cert[:4] + (exp + 1, cert[5])
    elif case == "parameters on a pause":
        cert = certificate(keys, ACTION_PAUSE, target, 1, exp, g, b"\x01")
    expect_revert(reason, guardian.transact, "pause", target, cert)
    assert not guardian.call("isPaused", target)
    assert not guardian.call("nonceUsed", 1)


def test_high_s_twin_recovers_the_same_signer_yet_is_refused(env):
    from eth_keys import keys as ek
    chain, guardian, vault, *_ = env
    exp = expiry(chain)
    digest = guardian.call("actionDigest", ACTION_PAUSE, vault.address, b"", 3, exp)
    cert = certificate(SENTINELS[:2], ACTION_PAUSE, vault.address, 3, exp, guardian.address)
    v, r, s = high_s(cert[5][1])
    twin = ek.Signature(vrs=(v - 27, int.from_bytes(r, "big"), int.from_bytes(s, "big")))
    assert twin.recover_public_key_from_msg_hash(digest).to_checksum_address() == address_of(SENTINELS[1])
    malleable = cert[:5] + ([cert[5][0], (v, r, s)],)
    expect_revert("Guardian: high-s signature", guardian.transact, "pause", vault.address, malleable)


def test_replayed_nonce_is_refused(env):
    chain, guardian, vault, token, *_ = env
    exp = expiry(chain)
    guardian.transact("pause", vault.address, certificate(SENTINELS[:2], ACTION_PAUSE, vault.address, 9, exp,
                                                          guardian.address))
    # A fresh, validly signed request for another target that reuses nonce 9.
    replay = certificate(SENTINELS[1:3], ACTION_PAUSE, token.address, 9, exp, guardian.address)
    expect_revert("Guardian: nonce already used", guardian.transact, "pause", token.address, replay)
    # The very same certificate again: the target is already paused.
    same = certificate(SENTINELS[:2], ACTION_PAUSE, vault.address, 9, exp, guardian.address)
    expect_revert("Guardian: already paused", guardian.transact, "pause", vault.address, same)


def _pause(chain, guardian, vault, nonce=1):
    cert = certificate(SENTINELS[:2], ACTION_PAUSE, vault.address, nonce, expiry(chain), guardian.address)
    guardian.transact("pause", vault.address, cert)


def test_unpause_needs_2f_plus_1_a_governor_and_the_timelock(env):
    chain, guardian, vault, _, governor, attacker = env
    _pause(chain, guardian, vault)
    g, target = guardian.address, vault.address
    two = certificate(SENTINELS[:2], ACTION_UNPAUSE, target, 2, expiry(chain), g)
    expect_revert("Guardian: not enough signatures", guardian.transact, "queue", ACTION_UNPAUSE, target, two,
                  sender=governor)
    three = certificate(SENTINELS[1:4], ACTION_UNPAUSE, target, 2, expiry(chain), g)
    expect_revert("Guardian: caller not a governor", guardian.transact, "queue", ACTION_UNPAUSE, target, three,
                  sender=attacker)
    pause_again = certificate(SENTINELS[1:4], ACTION_PAUSE, target, 2, expiry(chain), g)
    expect_revert("Guardian: action not timelocked", guardian.transact, "queue", ACTION_PAUSE, target,
                  pause_again, sender=governor)

    receipt = guardian.transact("queue", ACTION_UNPAUSE, target, three, sender=governor)
    (queued,) = guardian.decode_logs(receipt)
    op_id = queued.args["operationId"]
    assert op_id == guardian.call("actionDigest", ACTION_UNPAUSE, target, b"", 2, three[4])
    assert queued.args["eta"] == chain.block_timestamp(receipt) + TIMELOCK

    expect_revert("Guardian: timelock not expired", guardian.transact, "executeUnpause", op_id, b"",
                  sender=governor)
    chain.sleep(TIMELOCK)
    expect_revert("Guardian: caller not a governor", guardian.transact, "executeUnpause", op_id, b"",
                  sender=attacker)
    assert guardian.call("isPaused", target)
    receipt = guardian.transact("executeUnpause", op_id, b"", sender=governor)
    assert [e.name for e in guardian.decode_logs(receipt)] == ["Executed", "Unpaused"]
    assert not guardian.call("isPaused", target)
    expect_revert("Guardian: operation not queued", guardian.transact, "executeUnpause", op_id, b"",
                  sender=governor)


def test_cancelled_and_stale_operations_do_not_run(env):
    chain, guardian, vault, _, governor, _ = env
    _pause(chain, guardian, vault)
    g, target = guardian.address, vault.address
    op_a = guardian.decode_logs(guardian.transact(
        "queue", ACTION_UNPAUSE, target, certificate(SENTINELS[:3], ACTION_UNPAUSE, target, 5, expiry(chain), g),
        sender=governor))[0].args["operationId"]
    op_b = guardian.decode_logs(guardian.transact(
        "queue", ACTION_UNPAUSE, target, certificate(SENTINELS[:3], ACTION_UNPAUSE, target, 6, expiry(chain), g),
        sender=governor))[0].args["operationId"]
    guardian.transact("cancel", op_a, sender=governor)
    chain.sleep(TIMELOCK + 14 * 86400 + 10)
    expect_revert("Guardian: operation not queued", guardian.transact, "executeUnpause", op_a, b"", sender=governor)
    expect_revert("Guardian: operation stale", guardian.transact, "executeUnpause", op_b, b"", sender=governor)
    assert guardian.call("isPaused", target)


def test_set_params_through_the_timelock(env):
    chain, guardian, vault, token, governor, _ = env
    new = (7200, 8000, 1800, True)
    encoded = limiter_params(token.address, new)
    bad = certificate(SENTINELS[:3], ACTION_SET_PARAMS, vault.address, 11, expiry(chain), guardian.address,
                      encoded[:-32])
    expect_revert("Guardian: bad parameter encoding", guardian.transact, "queue", ACTION_SET_PARAMS, vault.address,
                  bad, sender=governor)
    cert = certificate(SENTINELS[:3], ACTION_SET_PARAMS, vault.address, 11, expiry(chain), guardian.address, encoded)
    op_id = guardian.decode_logs(guardian.transact("queue", ACTION_SET_PARAMS, vault.address, cert,
                                                   sender=governor))[0].args["operationId"]
    chain.sleep(TIMELOCK)
    expect_revert("Guardian: wrong action", guardian.transact, "executeUnpause", op_id, b"", sender=governor)
    expect_revert("Guardian: parameters do not match", guardian.transact, "executeSetParams", op_id,
                  token.address, (7200, 8000, 1800, False), sender=governor)
    receipt = guardian.transact("executeSetParams", op_id, token.address, new, sender=governor)
    assert vault.call("limiterParams", token.address) == new
    (event,) = vault.decode_logs(receipt)
    assert event.name == "LimiterParamsSet" and event.args["minRetainedBps"] == 8000
    expect_revert("Vault: caller not the guardian", vault.transact, "setLimiterParams", token.address, new,
                  sender=governor)


def test_isolate_one_asset_and_lift_it_through_the_timelock(env):
    chain, guardian, vault, token, governor, _ = env
    g, target = guardian.address, vault.address
    param = asset_param(token.address)
    expect_revert("Guardian: isolate takes one address", guardian.transact, "isolate", target,
                  certificate(SENTINELS[:2], ACTION_ISOLATE, target, 1, expiry(chain), g))
    # A pause signature cannot be replayed as an isolation: the action is part of the digest.
    as_pause = certificate(SENTINELS[:2], ACTION_PAUSE, target, 1, expiry(chain), g, param)
    expect_revert("Guardian: signer not a sentinel", guardian.transact, "isolate", target, as_pause)
    receipt = guardian.transact("isolate", target,
                                certificate(SENTINELS[:2], ACTION_ISOLATE, target, 1, expiry(chain), g, param))
    (event,) = guardian.decode_logs(receipt)
    assert event.name == "Isolated" and event.args["asset"] == token.address.lower()
    assert guardian.call("isIsolated", target, token.address)
    assert not guardian.call("isPaused", target)
    expect_revert("Guardian: already isolated", guardian.transact, "isolate", target,
                  certificate(SENTINELS[:2], ACTION_ISOLATE, target, 2, expiry(chain), g, param))
    expect_revert("Guardian: bad unpause parameters", guardian.transact, "queue", ACTION_UNPAUSE, target,
                  certificate(SENTINELS[:3], ACTION_UNPAUSE, target, 3, expiry(chain), g, b"\x00" * 33),
                  sender=governor)
    op_id = guardian.decode_logs(guardian.transact(
        "queue", ACTION_UNPAUSE, target, certificate(SENTINELS[:3], ACTION_UNPAUSE, target, 3, expiry(chain), g, param),
        sender=governor))[0].args["operationId"]
    chain.sleep(TIMELOCK)
    expect_revert("Guardian: parameters do not match", guardian.transact, "executeUnpause", op_id, b"",
                  sender=governor)
    receipt = guardian.transact("executeUnpause", op_id, param, sender=governor)
    assert [e.name for e in guardian.decode_logs(receipt)] == ["Executed", "Unisolated"]
    assert not guardian.call("isIsolated", target, token.address)
