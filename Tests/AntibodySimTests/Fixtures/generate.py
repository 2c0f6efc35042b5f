#!/usr/bin/env python3
"""Differential-test fixtures for AntibodySim, computed independently from the Solidity sources.

Python integers are arbitrary-precision, so every intermediate is exact; the uint256 (and uint112,
uint32) limits of the EVM are enforced explicitly where the contracts enforce them. Nothing here
imports or reads the Swift code: the formulas are transcribed from the contracts themselves.

Sources transcribed (public repositories):
  * Uniswap/v2-periphery  contracts/libraries/UniswapV2Library.sol  getAmountOut, getAmountIn
  * Uniswap/v2-core       contracts/UniswapV2Pair.sol  swap (k check with 1000/3), _update
                          (uint112 overflow, uint32 timestamps, price accumulators), and
                          contracts/libraries/UQ112x112.sol (encode = y * 2**112, uqdiv = x / y)
  * aave/aave-v3-core v3.0.x  WadRayMath (half-up), PercentageMath (half-up), MathUtils
      (linear and 3-term binomial compounded interest, SECONDS_PER_YEAR = 365 days),
      ReserveLogic (updateState, _updateIndexes, _accrueToTreasury, updateInterestRates),
      DefaultReserveInterestRateStrategy (two slopes, OPTIMAL_USAGE_RATIO, variable debt only),
      GenericLogic.calculateUserAccountData (health factor in WAD), ValidationLogic (borrow,
      withdraw, repay, liquidation checks), SupplyLogic, BorrowLogic, LiquidationLogic
      (close factor 50 % above HF 0.95, 100 % at or below; liquidation bonus; collateral cap)
  The lending model has variable-rate debt only, no eMode, isolation, caps, unbacked or
  liquidation protocol fee, and liquidations receive the underlying (receiveAToken = false).

Run:  python3 Tests/AntibodySimTests/Fixtures/generate.py
Writes uniswap_v2_swaps.json and aave_v3_operations.json beside this file. Fixed seeds: a second
run writes the same bytes.
"""
import json
import os
import random

U256 = 2**256
U112 = 2**112
U32 = 2**32
MAX_U256 = U256 - 1

HERE = os.path.dirname(os.path.abspath(__file__))


class Revert(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def checked(x):
    """Solidity 0.8 checked arithmetic (and SafeMath in 0.5/0.6): results outside uint256 revert."""
    if x < 0:
        raise Revert("panic: arithmetic underflow")
    if x > MAX_U256:
        raise Revert("panic: arithmetic overflow")
    return x


def div(a, b):
    if b == 0:
        raise Revert("panic: division by zero")
    return a // b


# ----------------------------------------------------------------------------------------------
# Uniswap V2
# ----------------------------------------------------------------------------------------------

def get_amount_out(amount_in, reserve_in, reserve_out):
    if not amount_in > 0:
        raise Revert("UniswapV2Library: INSUFFICIENT_INPUT_AMOUNT")
    if not (reserve_in > 0 and reserve_out > 0):
        raise Revert("UniswapV2Library: INSUFFICIENT_LIQUIDITY")
    amount_in_with_fee = checked(amount_in * 997)
    numerator = checked(amount_in_with_fee * reserve_out)
    denominator = checked(checked(reserve_in * 1000) + amount_in_with_fee)
    return div(numerator, denominator)


def get_amount_in(amount_out, reserve_in, reserve_out):
    if not amount_out > 0:
        raise Revert("UniswapV2Library: INSUFFICIENT_OUTPUT_AMOUNT")
    if not (reserve_in > 0 and reserve_out > 0):
        raise Revert("UniswapV2Library: INSUFFICIENT_LIQUIDITY")
    numerator = checked(checked(reserve_in * amount_out) * 1000)
    if reserve_out < amount_out:
        raise Revert("ds-math-sub-underflow")
    denominator = checked((reserve_out - amount_out) * 997)
    return checked(div(numerator, denominator) + 1)


class Pair:
    """UniswapV2Pair's swap and _update; token balances are tracked explicitly."""

    def __init__(self, r0, r1, ts_last, c0, c1):
        self.reserve0, self.reserve1 = r0, r1
        self.balance0, self.balance1 = r0, r1
        self.block_timestamp_last = ts_last
        self.price0_cumulative_last, self.price1_cumulative_last = c0, c1

    def update(self, balance0, balance1, r0, r1, block_timestamp):
        if not (balance0 <= U112 - 1 and balance1 <= U112 - 1):
            raise Revert("UniswapV2: OVERFLOW")
        ts32 = block_timestamp % U32
        time_elapsed = (ts32 - self.block_timestamp_last) % U32  # overflow is desired
        if time_elapsed > 0 and r0 != 0 and r1 != 0:
            # UQ112x112.encode(r1).uqdiv(r0) * timeElapsed; the sums wrap (overflow is desired)
            self.price0_cumulative_last = (self.price0_cumulative_last + ((r1 * U112) // r0) * time_elapsed) % U256
            self.price1_cumulative_last = (self.price1_cumulative_last + ((r0 * U112) // r1) * time_elapsed) % U256
        self.reserve0, self.reserve1 = balance0, balance1
        self.block_timestamp_last = ts32

    def swap(self, amount0_out, amount1_out, block_timestamp):
        """The caller has already transferred its input into balance0/balance1 (as a router does,
        or as a flash-swap callback does before swap returns)."""
        if not (amount0_out > 0 or amount1_out > 0):
            raise Revert("UniswapV2: INSUFFICIENT_OUTPUT_AMOUNT")
        r0, r1 = self.reserve0, self.reserve1
        if not (amount0_out < r0 and amount1_out < r1):
            raise Revert("UniswapV2: INSUFFICIENT_LIQUIDITY")
        balance0 = self.balance0 - amount0_out
        balance1 = self.balance1 - amount1_out
        amount0_in = balance0 - (r0 - amount0_out) if balance0 > r0 - amount0_out else 0
        amount1_in = balance1 - (r1 - amount1_out) if balance1 > r1 - amount1_out else 0
        if not (amount0_in > 0 or amount1_in > 0):
            raise Revert("UniswapV2: INSUFFICIENT_INPUT_AMOUNT")
        balance0_adjusted = checked(checked(balance0 * 1000) - checked(amount0_in * 3))
        balance1_adjusted = checked(checked(balance1 * 1000) - checked(amount1_in * 3))
        if not checked(balance0_adjusted * balance1_adjusted) >= checked(checked(r0 * r1) * 1000**2):
            raise Revert("UniswapV2: K")
        self.update(balance0, balance1, r0, r1, block_timestamp)
        self.balance0, self.balance1 = balance0, balance1


def random_reserve(rng):
    kind = rng.random()
    if kind < 0.05:
        return rng.randrange(1, 10**6)
    if kind < 0.15:
        return rng.randrange(U112 // 2, U112)
    return rng.randrange(10**6, 10**30)


def uniswap_cases(seed, count):
    rng = random.Random(seed)
    cases = []
    for index in range(count):
        r0, r1 = random_reserve(rng), random_reserve(rng)
        ts_last = rng.randrange(0, U32)
        c0 = rng.randrange(0, U256) if rng.random() < 0.5 else rng.randrange(0, 2**200)
        c1 = rng.randrange(0, U256) if rng.random() < 0.5 else rng.randrange(0, 2**200)
        elapsed = rng.choice([0, 1, 12, 13, rng.randrange(1, 10**6), U32 - ts_last + rng.randrange(0, 100)])
        block_timestamp = ts_last + elapsed + U32 * rng.randrange(0, 3)
        zero_for_one = rng.random() < 0.5
        reserve_in, reserve_out = (r0, r1) if zero_for_one else (r1, r0)
        mode = rng.random()
        case = {
            "reserve0": str(r0), "reserve1": str(r1), "blockTimestampLast": ts_last,
            "price0CumulativeLast": str(c0), "price1CumulativeLast": str(c1),
            "blockTimestamp": block_timestamp, "zeroForOne": zero_for_one,
        }
        # Amount in: mostly a fraction of the input reserve, sometimes tiny, zero or past uint112.
        if mode < 0.03:
            amount_in = 0
        elif mode < 0.10:
            amount_in = rng.randrange(1, 1000)
        elif mode < 0.16:
            amount_in = U112 - reserve_in + rng.randrange(0, reserve_in // 2 + 2)  # pushes past uint112
        else:
            amount_in = max(1, reserve_in * rng.randrange(1, 10**6) // rng.choice([10**4, 10**6, 10**8]))
        case["amountIn"] = str(amount_in)
        try:
            amount_out = get_amount_out(amount_in, reserve_in, reserve_out)
            case["amountOut"] = {"ok": str(amount_out)}
        except Revert as e:
            amount_out = None
            case["amountOut"] = {"revert": e.reason}
        # getAmountIn for an independent target output (sometimes the whole reserve or more).
        target = rng.choice([
            0, reserve_out, reserve_out + 1, rng.randrange(1, reserve_out + 1), max(1, reserve_out // 3),
            reserve_out - 1 if reserve_out > 1 else 1,
        ])
        case["targetOut"] = str(target)
        try:
            case["amountInForTarget"] = {"ok": str(get_amount_in(target, reserve_in, reserve_out))}
        except Revert as e:
            case["amountInForTarget"] = {"revert": e.reason}
        # Execute through the pair: request getAmountOut's result, or one more (must fail K), or, in
        # flash mode, borrow some output first and repay a chosen amount of the same token.
        pair = Pair(r0, r1, ts_last, c0, c1)
        flash = rng.random() < 0.2
        if flash:
            borrowed = rng.randrange(1, reserve_out) if reserve_out > 1 else 0
            minimum = (borrowed * 1000 + 996) // 997  # ceil(borrowed / 0.997), the fee-inclusive repay
            repay = max(0, minimum + rng.choice([-2, -1, 0, 0, 1, 5]))
            request_out = borrowed
            paid_in_out_token = repay
            paid_in = 0
        else:
            bump = 1 if rng.random() < 0.15 else 0
            request_out = (amount_out or 0) + bump
            paid_in_out_token = 0
            paid_in = amount_in
        case["swap"] = {"flash": flash, "amountOut": str(request_out), "paidIn": str(paid_in),
                        "repaidInOutputToken": str(paid_in_out_token)}
        if zero_for_one:
            pair.balance0 += paid_in
            pair.balance1 += paid_in_out_token
            amount0_out, amount1_out = 0, request_out
        else:
            pair.balance1 += paid_in
            pair.balance0 += paid_in_out_token
            amount0_out, amount1_out = request_out, 0
        try:
            pair.swap(amount0_out, amount1_out, block_timestamp)
            case["result"] = {
                "ok": True, "reserve0": str(pair.reserve0), "reserve1": str(pair.reserve1),
                "blockTimestampLast": pair.block_timestamp_last,
                "price0CumulativeLast": str(pair.price0_cumulative_last),
                "price1CumulativeLast": str(pair.price1_cumulative_last),
            }
        except Revert as e:
            case["result"] = {"ok": False, "revert": e.reason}
        case["id"] = index
        cases.append(case)
    return cases


# ----------------------------------------------------------------------------------------------
# Aave v3 (variable-rate debt)
# ----------------------------------------------------------------------------------------------

WAD = 10**18
HALF_WAD = WAD // 2
RAY = 10**27
HALF_RAY = RAY // 2
WAD_RAY_RATIO = 10**9
PERCENTAGE_FACTOR = 10**4
HALF_PERCENTAGE_FACTOR = PERCENTAGE_FACTOR // 2
SECONDS_PER_YEAR = 365 * 24 * 3600
HEALTH_FACTOR_LIQUIDATION_THRESHOLD = WAD
CLOSE_FACTOR_HF_THRESHOLD = 95 * 10**16
DEFAULT_LIQUIDATION_CLOSE_FACTOR = 5000
MAX_LIQUIDATION_CLOSE_FACTOR = 10000


def ray_mul(a, b):
    if not (b == 0 or not a > (MAX_U256 - HALF_RAY) // b):
        raise Revert("panic: rayMul overflow")
    return (a * b + HALF_RAY) // RAY


def ray_div(a, b):
    if b == 0 or a > (MAX_U256 - b // 2) // RAY:
        raise Revert("panic: rayDiv overflow or division by zero")
    return (a * RAY + b // 2) // b


def wad_div(a, b):
    if b == 0 or a > (MAX_U256 - b // 2) // WAD:
        raise Revert("panic: wadDiv overflow or division by zero")
    return (a * WAD + b // 2) // b


def wad_to_ray(a):
    return checked(a * WAD_RAY_RATIO)


def percent_mul(value, percentage):
    if not (percentage == 0 or not value > (MAX_U256 - HALF_PERCENTAGE_FACTOR) // percentage):
        raise Revert("panic: percentMul overflow")
    return (value * percentage + HALF_PERCENTAGE_FACTOR) // PERCENTAGE_FACTOR


def percent_div(value, percentage):
    if percentage == 0 or value > (MAX_U256 - percentage // 2) // PERCENTAGE_FACTOR:
        raise Revert("panic: percentDiv overflow or division by zero")
    return (value * PERCENTAGE_FACTOR + percentage // 2) // percentage


def linear_interest(rate, last, now):
    return RAY + checked(rate * (now - last)) // SECONDS_PER_YEAR


def compounded_interest(rate, last, now):
    exp = now - last
    if exp == 0:
        return RAY
    exp_minus_one = exp - 1
    exp_minus_two = exp - 2 if exp > 2 else 0
    base_power_two = ray_mul(rate, rate) // (SECONDS_PER_YEAR * SECONDS_PER_YEAR)
    base_power_three = ray_mul(base_power_two, rate) // SECONDS_PER_YEAR
    second_term = checked(exp * exp_minus_one * base_power_two) // 2
    third_term = checked(exp * exp_minus_one * exp_minus_two * base_power_three) // 6
    return checked(RAY + checked(rate * exp) // SECONDS_PER_YEAR + second_term + third_term)


class Reserve:
    def __init__(self, cfg):
        self.cfg = cfg
        self.liquidity_index = RAY
        self.variable_borrow_index = RAY
        self.liquidity_rate = 0
        self.variable_borrow_rate = 0
        self.last_update = 0
        self.accrued_to_treasury = 0
        self.scaled_variable_debt = 0  # variableDebtToken.scaledTotalSupply()
        self.scaled_a_supply = 0  # aToken.scaledTotalSupply() (users only)
        self.underlying = 0  # IERC20(asset).balanceOf(aToken)

    def state(self):
        return {
            "liquidityIndex": str(self.liquidity_index), "variableBorrowIndex": str(self.variable_borrow_index),
            "liquidityRate": str(self.liquidity_rate), "variableBorrowRate": str(self.variable_borrow_rate),
            "lastUpdate": self.last_update, "accruedToTreasury": str(self.accrued_to_treasury),
            "scaledVariableDebt": str(self.scaled_variable_debt), "scaledSupply": str(self.scaled_a_supply),
            "underlying": str(self.underlying),
        }

    def normalized_income(self, now):
        if self.last_update == now:
            return self.liquidity_index
        return ray_mul(linear_interest(self.liquidity_rate, self.last_update, now), self.liquidity_index)

    def normalized_debt(self, now):
        if self.last_update == now:
            return self.variable_borrow_index
        return ray_mul(compounded_interest(self.variable_borrow_rate, self.last_update, now), self.variable_borrow_index)

    def update_state(self, now):
        if self.last_update == now:
            return
        prev_borrow_index = self.variable_borrow_index
        if self.liquidity_rate != 0:
            self.liquidity_index = ray_mul(linear_interest(self.liquidity_rate, self.last_update, now),
                                           self.liquidity_index)
            if self.liquidity_index >= 2**128:
                raise Revert("panic: SafeCast uint128")
        if self.scaled_variable_debt != 0:
            self.variable_borrow_index = ray_mul(
                compounded_interest(self.variable_borrow_rate, self.last_update, now), self.variable_borrow_index)
            if self.variable_borrow_index >= 2**128:
                raise Revert("panic: SafeCast uint128")
        # _accrueToTreasury
        if self.cfg["reserveFactor"] != 0:
            prev_total = ray_mul(self.scaled_variable_debt, prev_borrow_index)
            curr_total = ray_mul(self.scaled_variable_debt, self.variable_borrow_index)
            accrued = checked(curr_total - prev_total)
            amount_to_mint = percent_mul(accrued, self.cfg["reserveFactor"])
            if amount_to_mint != 0:
                self.accrued_to_treasury += ray_div(amount_to_mint, self.liquidity_index)
        self.last_update = now

    def update_interest_rates(self, liquidity_added, liquidity_taken):
        """ReserveLogic.updateInterestRates with the cache's next scaled debt and index."""
        cfg = self.cfg
        total_variable_debt = ray_mul(self.scaled_variable_debt, self.variable_borrow_index)
        liquidity_rate = 0
        variable_rate = cfg["baseVariableBorrowRate"]
        borrow_usage_ratio = 0
        supply_usage_ratio = 0
        if total_variable_debt != 0:
            available = checked(self.underlying + liquidity_added - liquidity_taken)
            available_plus_debt = checked(available + total_variable_debt)
            borrow_usage_ratio = ray_div(total_variable_debt, available_plus_debt)
            supply_usage_ratio = ray_div(total_variable_debt, available_plus_debt)
        optimal = cfg["optimalUsageRatio"]
        if borrow_usage_ratio > optimal:
            excess = ray_div(borrow_usage_ratio - optimal, RAY - optimal)
            variable_rate = checked(variable_rate + cfg["variableRateSlope1"] + ray_mul(cfg["variableRateSlope2"], excess))
        else:
            variable_rate = checked(variable_rate + ray_div(ray_mul(cfg["variableRateSlope1"], borrow_usage_ratio), optimal))
        # _getOverallBorrowRate with no stable debt
        if total_variable_debt == 0:
            overall = 0
        else:
            weighted_variable = ray_mul(wad_to_ray(total_variable_debt), variable_rate)
            overall = ray_div(weighted_variable, wad_to_ray(total_variable_debt))
        liquidity_rate = percent_mul(ray_mul(overall, supply_usage_ratio), PERCENTAGE_FACTOR - cfg["reserveFactor"])
        if liquidity_rate >= 2**128 or variable_rate >= 2**128:
            raise Revert("panic: SafeCast uint128")
        self.liquidity_rate = liquidity_rate
        self.variable_borrow_rate = variable_rate


class Pool:
    def __init__(self, configs, prices, users):
        self.reserves = [Reserve(c) for c in configs]
        self.prices = list(prices)
        self.now = 0
        n = len(configs)
        self.scaled_a = [[0] * n for _ in range(users)]
        self.scaled_debt = [[0] * n for _ in range(users)]
        self.collateral = [[False] * n for _ in range(users)]
        self.borrowing = [[False] * n for _ in range(users)]
        self.wallet = [[0] * n for _ in range(users)]  # underlying held by each user

    def snapshot(self):
        return (
            [dict(r.__dict__) for r in self.reserves], list(self.prices), self.now,
            [list(x) for x in self.scaled_a], [list(x) for x in self.scaled_debt],
            [list(x) for x in self.collateral], [list(x) for x in self.borrowing], [list(x) for x in self.wallet],
        )

    def restore(self, snap):
        reserves, self.prices, self.now, self.scaled_a, self.scaled_debt, self.collateral, self.borrowing, \
            self.wallet = snap
        for r, d in zip(self.reserves, reserves):
            r.__dict__.update(d)

    def account_data(self, user):
        total_collateral = 0
        total_debt = 0
        avg_ltv = 0
        avg_lt = 0
        any_flag = any(self.collateral[user]) or any(self.borrowing[user])
        if not any_flag:
            return {"collateral": 0, "debt": 0, "ltv": 0, "liquidationThreshold": 0, "healthFactor": MAX_U256}
        for i, r in enumerate(self.reserves):
            if not (self.collateral[user][i] or self.borrowing[user][i]):
                continue
            price = self.prices[i]
            unit = 10 ** r.cfg["decimals"]
            if r.cfg["liquidationThreshold"] != 0 and self.collateral[user][i]:
                balance = checked(ray_mul(self.scaled_a[user][i], r.normalized_income(self.now)) * price) // unit
                total_collateral += balance
                avg_ltv += checked(balance * r.cfg["ltv"])
                avg_lt += checked(balance * r.cfg["liquidationThreshold"])
            if self.borrowing[user][i]:
                debt = self.scaled_debt[user][i]
                if debt != 0:
                    debt = ray_mul(debt, r.normalized_debt(self.now))
                total_debt += checked(debt * price) // unit
        avg_ltv = avg_ltv // total_collateral if total_collateral != 0 else 0
        avg_lt = avg_lt // total_collateral if total_collateral != 0 else 0
        hf = MAX_U256 if total_debt == 0 else wad_div(percent_mul(total_collateral, avg_lt), total_debt)
        return {"collateral": total_collateral, "debt": total_debt, "ltv": avg_ltv,
                "liquidationThreshold": avg_lt, "healthFactor": hf}

    # --- operations --------------------------------------------------------------------------

    def supply(self, user, i, amount):
        r = self.reserves[i]
        r.update_state(self.now)
        if amount == 0:
            raise Revert("INVALID_AMOUNT")
        if self.wallet[user][i] < amount:
            raise Revert("ERC20: transfer amount exceeds balance")
        r.update_interest_rates(amount, 0)
        self.wallet[user][i] -= amount
        r.underlying += amount
        scaled = ray_div(amount, r.liquidity_index)
        if scaled == 0:
            raise Revert("INVALID_MINT_AMOUNT")
        first = self.scaled_a[user][i] == 0
        self.scaled_a[user][i] += scaled
        r.scaled_a_supply += scaled
        if first and r.cfg["ltv"] != 0:
            self.collateral[user][i] = True
        return {}

    def withdraw(self, user, i, amount):
        r = self.reserves[i]
        r.update_state(self.now)
        user_balance = ray_mul(self.scaled_a[user][i], r.liquidity_index)
        to_withdraw = user_balance if amount == MAX_U256 else amount
        if to_withdraw == 0:
            raise Revert("INVALID_AMOUNT")
        if to_withdraw > user_balance:
            raise Revert("NOT_ENOUGH_AVAILABLE_USER_BALANCE")
        r.update_interest_rates(0, to_withdraw)
        was_collateral = self.collateral[user][i]
        if was_collateral and to_withdraw == user_balance:
            self.collateral[user][i] = False
        scaled = ray_div(to_withdraw, r.liquidity_index)
        if scaled == 0:
            raise Revert("INVALID_BURN_AMOUNT")
        if scaled > self.scaled_a[user][i]:
            raise Revert("panic: arithmetic underflow")
        self.scaled_a[user][i] -= scaled
        r.scaled_a_supply -= scaled
        if r.underlying < to_withdraw:
            raise Revert("ERC20: transfer amount exceeds balance")
        r.underlying -= to_withdraw
        self.wallet[user][i] += to_withdraw
        if was_collateral and any(self.borrowing[user]):
            if self.account_data(user)["healthFactor"] < HEALTH_FACTOR_LIQUIDATION_THRESHOLD:
                raise Revert("HEALTH_FACTOR_LOWER_THAN_LIQUIDATION_THRESHOLD")
        return {"withdrawn": str(to_withdraw)}

    def borrow(self, user, i, amount):
        r = self.reserves[i]
        r.update_state(self.now)
        if amount == 0:
            raise Revert("INVALID_AMOUNT")
        data = self.account_data(user)
        if data["collateral"] == 0:
            raise Revert("COLLATERAL_BALANCE_IS_ZERO")
        if data["ltv"] == 0:
            raise Revert("LTV_VALIDATION_FAILED")
        if not data["healthFactor"] > HEALTH_FACTOR_LIQUIDATION_THRESHOLD:
            raise Revert("HEALTH_FACTOR_LOWER_THAN_LIQUIDATION_THRESHOLD")
        amount_in_base = checked(self.prices[i] * amount) // 10 ** r.cfg["decimals"]
        needed = percent_div(checked(data["debt"] + amount_in_base), data["ltv"])
        if not needed <= data["collateral"]:
            raise Revert("COLLATERAL_CANNOT_COVER_NEW_BORROW")
        scaled = ray_div(amount, r.variable_borrow_index)
        if scaled == 0:
            raise Revert("INVALID_MINT_AMOUNT")
        self.scaled_debt[user][i] += scaled
        r.scaled_variable_debt += scaled
        self.borrowing[user][i] = True
        r.update_interest_rates(0, amount)
        if r.underlying < amount:
            raise Revert("ERC20: transfer amount exceeds balance")
        r.underlying -= amount
        self.wallet[user][i] += amount
        return {}

    def repay(self, user, i, amount):
        r = self.reserves[i]
        r.update_state(self.now)
        variable_debt = ray_mul(self.scaled_debt[user][i], r.variable_borrow_index)
        if amount == 0:
            raise Revert("INVALID_AMOUNT")
        if variable_debt == 0:
            raise Revert("NO_DEBT_OF_SELECTED_TYPE")
        payback = variable_debt if amount >= variable_debt else amount
        scaled = ray_div(payback, r.variable_borrow_index)
        if scaled == 0:
            raise Revert("INVALID_BURN_AMOUNT")
        if scaled > self.scaled_debt[user][i]:
            raise Revert("panic: arithmetic underflow")
        self.scaled_debt[user][i] -= scaled
        r.scaled_variable_debt -= scaled
        r.update_interest_rates(payback, 0)
        if variable_debt - payback == 0:
            self.borrowing[user][i] = False
        if self.wallet[user][i] < payback:
            raise Revert("ERC20: transfer amount exceeds balance")
        self.wallet[user][i] -= payback
        r.underlying += payback
        return {"repaid": str(payback)}

    def liquidate(self, liquidator, user, c, d, debt_to_cover):
        debt_reserve = self.reserves[d]
        coll_reserve = self.reserves[c]
        debt_reserve.update_state(self.now)
        hf = self.account_data(user)["healthFactor"]
        variable_debt = ray_mul(self.scaled_debt[user][d], debt_reserve.variable_borrow_index)
        total_debt = variable_debt
        close_factor = DEFAULT_LIQUIDATION_CLOSE_FACTOR if hf > CLOSE_FACTOR_HF_THRESHOLD \
            else MAX_LIQUIDATION_CLOSE_FACTOR
        max_liquidatable = percent_mul(total_debt, close_factor)
        actual_debt = max_liquidatable if debt_to_cover > max_liquidatable else debt_to_cover
        if not hf < HEALTH_FACTOR_LIQUIDATION_THRESHOLD:
            raise Revert("HEALTH_FACTOR_NOT_BELOW_THRESHOLD")
        if not (coll_reserve.cfg["liquidationThreshold"] != 0 and self.collateral[user][c]):
            raise Revert("COLLATERAL_CANNOT_BE_LIQUIDATED")
        if total_debt == 0:
            raise Revert("SPECIFIED_CURRENCY_NOT_BORROWED_BY_USER")
        user_collateral = ray_mul(self.scaled_a[user][c], coll_reserve.normalized_income(self.now))
        # _calculateAvailableCollateralToLiquidate (no protocol fee)
        c_price, d_price = self.prices[c], self.prices[d]
        c_unit, d_unit = 10 ** coll_reserve.cfg["decimals"], 10 ** debt_reserve.cfg["decimals"]
        bonus = coll_reserve.cfg["liquidationBonus"]
        base_collateral = div(checked(checked(d_price * actual_debt) * c_unit), checked(c_price * d_unit))
        max_collateral = percent_mul(base_collateral, bonus)
        if max_collateral > user_collateral:
            collateral_amount = user_collateral
            debt_needed = percent_div(div(checked(checked(c_price * collateral_amount) * d_unit),
                                          checked(d_price * c_unit)), bonus)
        else:
            collateral_amount = max_collateral
            debt_needed = actual_debt
        actual_debt = debt_needed
        if total_debt == actual_debt:
            self.borrowing[user][d] = False
        if collateral_amount == user_collateral:
            self.collateral[user][c] = False
        # _burnDebtTokens
        scaled = ray_div(actual_debt, debt_reserve.variable_borrow_index)
        if scaled == 0:
            raise Revert("INVALID_BURN_AMOUNT")
        if scaled > self.scaled_debt[user][d]:
            raise Revert("panic: arithmetic underflow")
        self.scaled_debt[user][d] -= scaled
        debt_reserve.scaled_variable_debt -= scaled
        debt_reserve.update_interest_rates(actual_debt, 0)
        # _burnCollateralATokens
        coll_reserve.update_state(self.now)
        coll_reserve.update_interest_rates(0, collateral_amount)
        scaled_c = ray_div(collateral_amount, coll_reserve.liquidity_index)
        if scaled_c == 0:
            raise Revert("INVALID_BURN_AMOUNT")
        if scaled_c > self.scaled_a[user][c]:
            raise Revert("panic: arithmetic underflow")
        self.scaled_a[user][c] -= scaled_c
        coll_reserve.scaled_a_supply -= scaled_c
        if coll_reserve.underlying < collateral_amount:
            raise Revert("ERC20: transfer amount exceeds balance")
        coll_reserve.underlying -= collateral_amount
        self.wallet[liquidator][c] += collateral_amount
        # the liquidator pays the debt asset in
        if self.wallet[liquidator][d] < actual_debt:
            raise Revert("ERC20: transfer amount exceeds balance")
        self.wallet[liquidator][d] -= actual_debt
        debt_reserve.underlying += actual_debt
        return {"debtRepaid": str(actual_debt), "collateralSeized": str(collateral_amount),
                "healthFactorBefore": str(hf)}


RESERVES = [
    # WETH-like, USDC-like, WBTC-like; rates in RAY, percentages in basis points, prices 8 decimals.
    {"symbol": "WETH", "decimals": 18, "ltv": 8000, "liquidationThreshold": 8250, "liquidationBonus": 10500,
     "reserveFactor": 1000, "optimalUsageRatio": 80 * 10**25, "baseVariableBorrowRate": 0,
     "variableRateSlope1": 38 * 10**24, "variableRateSlope2": 80 * 10**25},
    {"symbol": "USDC", "decimals": 6, "ltv": 8700, "liquidationThreshold": 8900, "liquidationBonus": 10450,
     "reserveFactor": 1000, "optimalUsageRatio": 90 * 10**25, "baseVariableBorrowRate": 0,
     "variableRateSlope1": 4 * 10**25, "variableRateSlope2": 60 * 10**25},
    {"symbol": "WBTC", "decimals": 8, "ltv": 7300, "liquidationThreshold": 7800, "liquidationBonus": 10650,
     "reserveFactor": 2000, "optimalUsageRatio": 45 * 10**25, "baseVariableBorrowRate": 10**25,
     "variableRateSlope1": 7 * 10**25, "variableRateSlope2": 300 * 10**25},
]
INITIAL_PRICES = [2000 * 10**8, 10**8, 30000 * 10**8]
USERS = 6  # users 0..4 borrow and supply; user 5 is the liquidator


def lending_sequence(seed, count, stress=False):
    rng = random.Random(seed)
    pool = Pool(RESERVES, INITIAL_PRICES, USERS)
    start_wallets = []
    for u in range(USERS):
        row = []
        for i, cfg in enumerate(RESERVES):
            whole = rng.randrange(1, 10**6) * 10 ** cfg["decimals"] // [2000, 1, 30000][i]
            row.append(whole + rng.randrange(0, 10 ** cfg["decimals"]))
        start_wallets.append(row)
    for u in range(USERS):
        pool.wallet[u] = list(start_wallets[u])
    pool.wallet[5] = [10**40, 10**30, 10**32]  # a deep-pocketed liquidator
    start_wallets[5] = list(pool.wallet[5])
    pool.now = 1_700_000_000
    for r in pool.reserves:
        r.last_update = pool.now
    ops = []
    for step in range(count):
        kind = rng.choices(["advance", "price", "supply", "withdraw", "borrow", "repay", "liquidate"],
                           weights=[12, 10, 22, 10, 22, 10, 14])[0]
        op = {"op": kind}
        user = rng.randrange(0, 5)
        asset = rng.randrange(0, 3)
        dec = RESERVES[asset]["decimals"]

        def fraction_of(x):
            return x * rng.randrange(0, 10001) // 10000

        if kind == "advance":
            op["seconds"] = rng.choice([1, 12, 60, 3600, 86400, rng.randrange(1, 30 * 86400)])
        elif kind == "price":
            op["asset"] = asset
            if stress:
                factor = rng.randrange(8800, 10100) if asset != 1 else rng.randrange(9990, 10010)
            else:
                factor = rng.choice([rng.randrange(8500, 11500), rng.randrange(9900, 10100), rng.randrange(8000, 9700),
                                     rng.randrange(10300, 12500) if asset == 1 else rng.randrange(6000, 9500)])
            op["price"] = str(max(1, pool.prices[asset] * factor // 10000))
        elif kind == "supply":
            op.update(user=user, asset=asset)
            amount = fraction_of(pool.wallet[user][asset]) if rng.random() < 0.95 else rng.choice([0, 1])
            op["amount"] = str(amount)
        elif kind == "withdraw":
            op.update(user=user, asset=asset)
            bal = ray_mul(pool.scaled_a[user][asset], pool.reserves[asset].normalized_income(pool.now))
            op["amount"] = str(rng.choice([MAX_U256, fraction_of(bal), fraction_of(bal), bal + 1, 0]))
        elif kind == "borrow":
            op.update(user=user, asset=asset)
            data = pool.account_data(user)
            room = max(0, data["collateral"] * data["ltv"] // 10000 - data["debt"])
            max_amount = room * 10 ** dec // pool.prices[asset]
            op["amount"] = str(rng.choice([fraction_of(max_amount), max_amount * 99 // 100, max_amount,
                                           max_amount + max_amount // 50 + 1, 0]))
        elif kind == "repay":
            op.update(user=user, asset=asset)
            debt = ray_mul(pool.scaled_debt[user][asset], pool.reserves[asset].normalized_debt(pool.now))
            op["amount"] = str(rng.choice([MAX_U256, fraction_of(debt), debt, fraction_of(debt) + 1, 0]))
        else:
            unhealthy = [u for u in range(5) if pool.account_data(u)["healthFactor"] < WAD]
            target = rng.choice(unhealthy) if unhealthy and rng.random() < 0.85 else user
            debts = [i for i in range(3) if pool.scaled_debt[target][i] > 0]
            colls = [i for i in range(3) if pool.collateral[target][i]]
            d = rng.choice(debts) if debts else asset
            c = rng.choice(colls) if colls else rng.randrange(0, 3)
            debt = ray_mul(pool.scaled_debt[target][d], pool.reserves[d].normalized_debt(pool.now))
            op.update(liquidator=5, user=target, collateral=c, debt=d,
                      debtToCover=str(rng.choice([MAX_U256, fraction_of(debt), debt // 2, debt])))
        snap = pool.snapshot()
        try:
            if kind == "advance":
                pool.now += op["seconds"]
                result = {}
            elif kind == "price":
                pool.prices[asset] = int(op["price"])
                result = {}
            elif kind == "supply":
                result = pool.supply(user, asset, int(op["amount"]))
            elif kind == "withdraw":
                result = pool.withdraw(user, asset, int(op["amount"]))
            elif kind == "borrow":
                result = pool.borrow(user, asset, int(op["amount"]))
            elif kind == "repay":
                result = pool.repay(user, asset, int(op["amount"]))
            else:
                result = pool.liquidate(5, op["user"], op["collateral"], op["debt"], int(op["debtToCover"]))
            expect = {"ok": True, "result": result}
        except Revert as e:
            pool.restore(snap)
            expect = {"ok": False, "revert": e.reason}
        subject = op.get("user", None)
        expect["reserves"] = [r.state() for r in pool.reserves]
        if subject is not None:
            acc = pool.account_data(subject)
            expect["account"] = {k: str(v) for k, v in acc.items()}
            expect["scaledSupply"] = [str(x) for x in pool.scaled_a[subject]]
            expect["scaledDebt"] = [str(x) for x in pool.scaled_debt[subject]]
            expect["collateralFlags"] = list(pool.collateral[subject])
            expect["borrowingFlags"] = list(pool.borrowing[subject])
        op["expect"] = expect
        op["step"] = step
        ops.append(op)
    return {"seed": seed, "stress": stress, "start": 1_700_000_000, "prices": [str(p) for p in INITIAL_PRICES],
            "wallets": [[str(x) for x in row] for row in start_wallets], "operations": ops}


def main():
    swaps = uniswap_cases(seed=20200218, count=1200)
    with open(os.path.join(HERE, "uniswap_v2_swaps.json"), "w") as f:
        json.dump({"generator": "generate.py", "cases": swaps}, f, indent=None, separators=(",", ":"))
        f.write("\n")
    sequences = [lending_sequence(seed, 400) for seed in (1, 2, 3)] + [lending_sequence(4, 400, stress=True)]
    reserves = [{k: (str(v) if isinstance(v, int) else v) for k, v in cfg.items()} for cfg in RESERVES]
    with open(os.path.join(HERE, "aave_v3_operations.json"), "w") as f:
        json.dump({"generator": "generate.py", "reserves": reserves, "sequences": sequences}, f,
                  indent=None, separators=(",", ":"))
        f.write("\n")
    ok_swaps = sum(1 for c in swaps if c["result"].get("ok"))
    ops = [op for s in sequences for op in s["operations"]]
    ok_ops = sum(1 for op in ops if op["expect"]["ok"])
    liquidations = sum(1 for op in ops if op["op"] == "liquidate" and op["expect"]["ok"])
    print(f"swaps: {len(swaps)} ({ok_swaps} succeed); lending operations: {len(ops)} ({ok_ops} succeed, "
          f"{liquidations} liquidations)")


if __name__ == "__main__":
    main()
