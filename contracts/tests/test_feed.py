"""TestFeed: the Chainlink-style read side (AggregatorV3Interface's latestRoundData and getRoundData,
decimals) that the Swift ChainWatcher reads, and its owner-only writes."""

from __future__ import annotations

import pytest

from harness import Chain, Reverted


@pytest.fixture(scope="module")
def feed_world():
    chain = Chain(accounts=3)
    feed = chain.deploy("TestFeed", 8, "ETH / USD", 2000 * 10**8)
    return chain, feed


def test_initial_round(feed_world):
    chain, feed = feed_world
    assert feed.call("decimals") == 8
    assert feed.call("description") == "ETH / USD"
    round_id, answer, started, updated, answered = feed.call("latestRoundData")
    assert (round_id, answer, answered) == (1, 2000 * 10**8, 1)
    assert started == updated > 0


def test_push_starts_a_round_with_its_block_time_and_keeps_history(feed_world):
    chain, feed = feed_world
    snap = chain.snapshot()
    chain.sleep(30)
    receipt = feed.transact("pushAnswer", -5)
    round_id, answer, _, updated, _ = feed.call("latestRoundData")
    assert (round_id, answer) == (2, -5)
    assert updated == chain.block_timestamp(receipt)
    assert feed.call("getRoundData", 1)[1] == 2000 * 10**8
    (event,) = feed.decode_logs(receipt)
    assert event.name == "AnswerUpdated" and event.args["current"] == -5 and event.args["roundId"] == 2
    chain.revert(snap)


def test_only_the_owner_pushes_and_unknown_rounds_revert(feed_world):
    chain, feed = feed_world
    with pytest.raises(Reverted) as info:
        feed.transact("pushAnswer", 1, sender=chain.accounts[1])
    assert info.value.reason == "Feed: caller not the owner"
    with pytest.raises(Exception, match="Feed: no such round"):
        feed.call("getRoundData", 99)
