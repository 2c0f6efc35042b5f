# pragma version ~=0.4.3
"""
@title Antibody test price feed
@notice A Chainlink-style aggregator (AggregatorV3Interface's read side: decimals, description,
        latestRoundData, getRoundData) whose answers an owner pushes. FOR TESTS AND THE LOCAL
        DEVELOPMENT CHAIN ONLY: the owner's word is the price.
"""

struct Round:
    answer: int256
    startedAt: uint256
    updatedAt: uint256

event AnswerUpdated:
    current: indexed(int256)
    roundId: indexed(uint256)
    updatedAt: uint256

owner: public(immutable(address))
decimals: public(uint8)
description: public(String[64])
latestRound: public(uint80)
rounds: HashMap[uint80, Round]


@deploy
def __init__(decimals_: uint8, description_: String[64], initialAnswer: int256):
    owner = msg.sender
    self.decimals = decimals_
    self.description = description_
    self._push(initialAnswer)


@internal
def _push(answer: int256):
    round_id: uint80 = self.latestRound + 1
    self.latestRound = round_id
    self.rounds[round_id] = Round(answer=answer, startedAt=block.timestamp, updatedAt=block.timestamp)
    log AnswerUpdated(current=answer, roundId=convert(round_id, uint256), updatedAt=block.timestamp)


@external
def pushAnswer(answer: int256):
    """
    @notice Starts a new round with `answer` (owner only).
    """
    assert msg.sender == owner, "Feed: caller not the owner"
    self._push(answer)


@view
@external
def latestRoundData() -> (uint80, int256, uint256, uint256, uint80):
    r: Round = self.rounds[self.latestRound]
    return (self.latestRound, r.answer, r.startedAt, r.updatedAt, self.latestRound)


@view
@external
def getRoundData(roundId: uint80) -> (uint80, int256, uint256, uint256, uint80):
    assert roundId > 0 and roundId <= self.latestRound, "Feed: no such round"
    r: Round = self.rounds[roundId]
    return (roundId, r.answer, r.startedAt, r.updatedAt, roundId)
