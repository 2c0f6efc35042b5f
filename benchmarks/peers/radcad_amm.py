"""The AMM + arbitrageur workload of `antibody bench amm`, written as a radCAD model.

One timestep is one 12-second block with two partial state update blocks:
  1. the reference price moves by a GBM increment in log space;
  2. if the pool price is outside the no-arbitrage band [γ·P, P/γ] (γ = 0.997) the arbitrageur
     computes the size that brings the pool's marginal price back to P, in = (√(γ·r0·r1·P) − r1)/γ
     (or its mirror), quotes it with Uniswap V2's integer getAmountOut, and trades it through the
     pair (integer reserves, the 997/1000 k check, uint112 bounds) when the profit beats gas.

This is the same model as Sources/AntibodySim/AMMArbitrageModel.swift: the same pool (10,000 ETH
with 18 decimals against 20,000,000 USDC with 6), 80 % annual volatility, $5 gas, exact integers
for every reserve. Only the normal generator differs (NumPy's PCG64 here, a ziggurat over
xoshiro256** there), so the two runs agree statistically (trades per block), not bit for bit.

Usage: radcad_amm.py <steps> [seed]  →  one JSON object on stdout.
radCAD runs with its fastest documented settings for one run: single process, no deepcopy of
state, substeps dropped.
"""

import json
import math
import sys
import time

import numpy as np
from radcad import Experiment, Model, Simulation
from radcad.engine import Backend, Engine

GAMMA = 0.997
LOG_GAMMA = math.log(GAMMA)
UINT112_MAX = 2**112 - 1
BLOCK_TIME = 12
RESERVE0 = 10_000 * 10**18
RESERVE1 = 20_000_000 * 10**6


def get_amount_out(amount_in, reserve_in, reserve_out):
    """UniswapV2Library.getAmountOut."""
    amount_in_with_fee = amount_in * 997
    return (amount_in_with_fee * reserve_out) // (reserve_in * 1000 + amount_in_with_fee)


def swap(r0, r1, in0, in1, out0, out1):
    """UniswapV2Pair.swap after the input was transferred: the new reserves, or None on revert."""
    if out0 >= r0 or out1 >= r1:
        return None
    b0 = r0 + in0 - out0
    b1 = r1 + in1 - out1
    if (b0 * 1000 - in0 * 3) * (b1 * 1000 - in1 * 3) < r0 * r1 * 1000**2:
        return None
    if b0 > UINT112_MAX or b1 > UINT112_MAX:
        return None
    return b0, b1


def p_reference_move(params, substep, state_history, previous_state):
    return {"dlog": params["drift"] + params["scale"] * params["rng"].standard_normal()}


def s_log_reference(params, substep, state_history, previous_state, policy_input):
    return "log_reference", previous_state["log_reference"] + policy_input["dlog"]


def s_timestamp(params, substep, state_history, previous_state, policy_input):
    return "timestamp", previous_state["timestamp"] + BLOCK_TIME


def p_arbitrage(params, substep, state_history, previous_state):
    log_ref = previous_state["log_reference"]
    log_pool = previous_state["log_pool"]
    r0, r1 = previous_state["reserve0"], previous_state["reserve1"]
    if log_ref > log_pool - LOG_GAMMA:
        buy_token0 = True
    elif log_ref < log_pool + LOG_GAMMA:
        buy_token0 = False
    else:
        return {"trade": None}
    p = math.exp(log_ref)
    if buy_token0:
        amount_in = ((GAMMA * r0 * r1 * p) ** 0.5 - r1) / GAMMA
        if not 1 <= amount_in < 1e33:
            return {"trade": None}
        x = int(amount_in)
        out = get_amount_out(x, r1, r0)
        profit = out * p - x - params["gas"]
        trade = (0, x, out, 0)
    else:
        amount_in = ((GAMMA * r0 * r1 / p) ** 0.5 - r0) / GAMMA
        if not 1 <= amount_in < 1e33:
            return {"trade": None}
        x = int(amount_in)
        out = get_amount_out(x, r0, r1)
        profit = out - x * p - params["gas"]
        trade = (x, 0, 0, out)
    if profit <= 0:
        return {"trade": None}
    reserves = swap(r0, r1, *trade)
    if reserves is None:
        return {"trade": None}
    return {"trade": reserves, "profit": profit}


def s_reserve0(params, substep, state_history, previous_state, policy_input):
    t = policy_input["trade"]
    return "reserve0", previous_state["reserve0"] if t is None else t[0]


def s_reserve1(params, substep, state_history, previous_state, policy_input):
    t = policy_input["trade"]
    return "reserve1", previous_state["reserve1"] if t is None else t[1]


def s_log_pool(params, substep, state_history, previous_state, policy_input):
    t = policy_input["trade"]
    return "log_pool", previous_state["log_pool"] if t is None else math.log(t[1] / t[0])


def s_trades(params, substep, state_history, previous_state, policy_input):
    return "trades", previous_state["trades"] + (policy_input["trade"] is not None)


def s_profit(params, substep, state_history, previous_state, policy_input):
    return "profit", previous_state["profit"] + policy_input.get("profit", 0.0)


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 42
    volatility, gas = 0.8, 5 * 1e6
    dt = BLOCK_TIME / 31_536_000
    params = {
        "drift": [(-volatility * volatility / 2) * dt],
        "scale": [volatility * math.sqrt(dt)],
        "gas": [gas],
        "rng": [np.random.default_rng(seed)],
    }
    log0 = math.log(RESERVE1 / RESERVE0)
    initial_state = {
        "reserve0": RESERVE0,
        "reserve1": RESERVE1,
        "log_reference": log0,
        "log_pool": log0,
        "timestamp": 1_700_000_000,
        "trades": 0,
        "profit": 0.0,
    }
    blocks = [
        {"policies": {"move": p_reference_move},
         "variables": {"log_reference": s_log_reference, "timestamp": s_timestamp}},
        {"policies": {"arbitrage": p_arbitrage},
         "variables": {"reserve0": s_reserve0, "reserve1": s_reserve1, "log_pool": s_log_pool,
                       "trades": s_trades, "profit": s_profit}},
    ]
    model = Model(initial_state=initial_state, state_update_blocks=blocks, params=params)
    simulation = Simulation(model=model, timesteps=steps, runs=1)
    experiment = Experiment([simulation])
    experiment.engine = Engine(backend=Backend.SINGLE_PROCESS, deepcopy=False, drop_substeps=True)
    start = time.perf_counter()
    experiment.run()
    seconds = time.perf_counter() - start
    final = experiment.results[-1]
    print(json.dumps({
        "stepsPerSecond": round(steps / seconds),
        "steps": steps,
        "seconds": seconds,
        "trades": final["trades"],
        "radcad": "0.14.0",
    }))


if __name__ == "__main__":
    main()
