"""A small in-process harness for the contract tests: py-evm through eth-tester, contracts compiled
with Vyper, calls and transactions ABI-encoded with eth_abi, EIP-712 signatures from eth_account
(an implementation independent of the Swift one). Time is deterministic: the chain starts far in
the future, so every block is exactly one second after its parent unless a test moves time.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import vyper
from eth_abi import decode, encode
from eth_account import Account
from eth_account.messages import encode_typed_data
from eth_tester import EthereumTester, PyEVMBackend
from eth_utils import (
    collapse_if_tuple,
    event_abi_to_log_topic,
    function_abi_to_4byte_selector,
    keccak,
    to_checksum_address,
)

CONTRACTS = Path(__file__).resolve().parent.parent
CHAIN_ID = 31337
GENESIS_TIME = 4_000_000_000  # far beyond the wall clock, so block times are exact
SECP256K1_N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141

# AntibodyTrust's GuardianAction raw values.
ACTION_PAUSE, ACTION_UNPAUSE, ACTION_SET_PARAMS, ACTION_ISOLATE = 1, 2, 3, 4
DOMAIN_FIELDS = [
    {"name": "name", "type": "string"},
    {"name": "version", "type": "string"},
    {"name": "chainId", "type": "uint256"},
    {"name": "verifyingContract", "type": "address"},
]
ACTION_FIELDS = [
    {"name": "action", "type": "uint8"},
    {"name": "target", "type": "address"},
    {"name": "params", "type": "bytes"},
    {"name": "nonce", "type": "uint256"},
    {"name": "expiry", "type": "uint64"},
]


class Reverted(Exception):
    """A mined transaction that reverted, with the reason string the EVM returned."""

    def __init__(self, reason: str, receipt: dict[str, Any] | None):
        super().__init__(reason)
        self.reason = reason
        self.receipt = receipt


@functools.cache
def compiled(name: str) -> tuple[list[dict[str, Any]], bytes]:
    source = (CONTRACTS / f"{name}.vy").read_text()
    out = vyper.compile_code(source, contract_path=f"{name}.vy", output_formats=["abi", "bytecode"])
    return out["abi"], bytes.fromhex(out["bytecode"].removeprefix("0x"))


def decode_reason(output: bytes) -> str:
    if output[:4] == bytes.fromhex("08c379a0"):
        return decode(["string"], output[4:])[0]
    return "0x" + output.hex()


@dataclass
class Event:
    name: str
    args: dict[str, Any]
    address: str


class Chain:
    def __init__(self, accounts: int = 10):
        backend = PyEVMBackend(genesis_state=dict(PyEVMBackend.generate_genesis_state(num_accounts=accounts)))
        type(backend.chain).chain_id = CHAIN_ID
        self.backend = backend
        self.tester = EthereumTester(backend)
        self.accounts = list(self.tester.get_accounts())
        self.tester.time_travel(GENESIS_TIME)

    # time
    @property
    def pending_timestamp(self) -> int:
        return self.tester.get_block_by_number("pending")["timestamp"]

    def sleep(self, seconds: int) -> None:
        """The next transaction's block is `seconds` later than it would otherwise be."""
        if seconds > 0:
            self.tester.time_travel(self.pending_timestamp + seconds)

    def snapshot(self) -> Any:
        return self.tester.take_snapshot()

    def revert(self, snapshot: Any) -> None:
        self.tester.revert_to_snapshot(snapshot)

    # transactions
    def send(self, sender: str, to: str | None, data: bytes, gas: int = 5_000_000) -> dict[str, Any]:
        """Applies one transaction in its own block and returns the receipt; raises Reverted."""
        tx = {"from": sender, "data": "0x" + data.hex(), "gas": gas, "value": 0}
        tx["to"] = to if to else ""
        raw = self.tester.normalizer.normalize_inbound_transaction(tx)
        evm_tx = self.backend._get_normalized_and_signed_evm_transaction(raw)
        _, _, computation = self.backend.chain.apply_transaction(evm_tx)
        self.tester.mine_block()
        receipt = self.tester.get_transaction_receipt("0x" + evm_tx.hash.hex())
        if computation.is_error:
            error = computation._error
            output = error.args[0] if error.args and isinstance(error.args[0], bytes) else b""
            assert receipt["status"] == 0, "a failed computation must give a status-0 receipt"
            raise Reverted(decode_reason(output) if type(error).__name__ == "Revert" else type(error).__name__,
                           receipt)
        assert receipt["status"] == 1
        return receipt

    def deploy(self, name: str, *args: Any, sender: str | None = None) -> "Contract":
        abi, bytecode = compiled(name)
        ctor = next((e for e in abi if e["type"] == "constructor"), None)
        encoded = encode([collapse_if_tuple(i) for i in ctor["inputs"]], list(args)) if ctor else b""
        receipt = self.send(sender or self.accounts[0], None, bytecode + encoded, gas=10_000_000)
        return Contract(self, receipt["contract_address"], abi, name)

    def block_timestamp(self, receipt: dict[str, Any]) -> int:
        return self.tester.get_block_by_number(receipt["block_number"])["timestamp"]


class Contract:
    def __init__(self, chain: Chain, address: str, abi: list[dict[str, Any]], name: str):
        self.chain = chain
        self.address = to_checksum_address(address)
        self.abi = abi
        self.name = name
        self.functions = {e["name"]: e for e in abi if e["type"] == "function"}
        self.events = {event_abi_to_log_topic(e): e for e in abi if e["type"] == "event"}

    def _calldata(self, fn: str, args: Sequence[Any]) -> tuple[dict[str, Any], bytes]:
        entry = self.functions[fn]
        types = [collapse_if_tuple(i) for i in entry["inputs"]]
        return entry, function_abi_to_4byte_selector(entry) + encode(types, list(args))

    def call(self, fn: str, *args: Any) -> Any:
        entry, data = self._calldata(fn, args)
        out = self.chain.tester.call({"from": self.chain.accounts[0], "to": self.address, "data": "0x" + data.hex()})
        types = [collapse_if_tuple(o) for o in entry["outputs"]]
        values = decode(types, bytes.fromhex(out[2:]))
        return values[0] if len(values) == 1 else values

    def transact(self, fn: str, *args: Any, sender: str | None = None) -> dict[str, Any]:
        _, data = self._calldata(fn, args)
        return self.chain.send(sender or self.chain.accounts[0], self.address, data)

    def decode_logs(self, receipt: dict[str, Any]) -> list[Event]:
        events = []
        for log in receipt["logs"]:
            if to_checksum_address(log["address"]) != self.address:
                continue
            topics = [bytes.fromhex(t[2:]) for t in log["topics"]]
            entry = self.events.get(topics[0]) if topics else None
            if entry is None:
                continue
            indexed = [i for i in entry["inputs"] if i["indexed"]]
            plain = [i for i in entry["inputs"] if not i["indexed"]]
            args = {}
            for i, topic in zip(indexed, topics[1:]):
                args[i["name"]] = decode([collapse_if_tuple(i)], topic)[0]
            values = decode([collapse_if_tuple(i) for i in plain], bytes.fromhex(log["data"][2:]))
            args.update({i["name"]: v for i, v in zip(plain, values)})
            events.append(Event(entry["name"], args, self.address))
        return events


# --- EIP-712 signing, independently of the contract ------------------------------------------

def sentinel_key(label: str) -> bytes:
    """A deterministic test private key (keccak of a label); FOR TESTS ONLY."""
    return keccak(text=f"antibody test key: {label}")


def address_of(key: bytes) -> str:
    return Account.from_key(key).address


def typed_request(action: int, target: str, params: bytes, nonce: int, expiry: int,
                  chain_id: int, verifying_contract: str) -> dict[str, Any]:
    return {
        "types": {"EIP712Domain": DOMAIN_FIELDS, "ActionRequest": ACTION_FIELDS},
        "primaryType": "ActionRequest",
        "domain": {"name": "Antibody Guardian", "version": "1", "chainId": chain_id,
                   "verifyingContract": verifying_contract},
        "message": {"action": action, "target": target, "params": params, "nonce": nonce, "expiry": expiry},
    }


def request_digest(*args: Any, **kwargs: Any) -> bytes:
    signable = encode_typed_data(full_message=typed_request(*args, **kwargs))
    return keccak(b"\x19" + signable.version + signable.header + signable.body)


def sign(key: bytes, digest_message: dict[str, Any]) -> tuple[int, bytes, bytes]:
    signed = Account.sign_message(encode_typed_data(full_message=digest_message), key)
    assert signed.s <= SECP256K1_N // 2, "eth_account signs with low s"
    return signed.v, signed.r.to_bytes(32, "big"), signed.s.to_bytes(32, "big")


def high_s(signature: tuple[int, bytes, bytes]) -> tuple[int, bytes, bytes]:
    """The malleable twin of a signature: s' = n - s and the other recovery id; same signer."""
    v, r, s = signature
    return (55 - v, r, (SECP256K1_N - int.from_bytes(s, "big")).to_bytes(32, "big"))


def certificate(keys: Sequence[bytes], action: int, target: str, nonce: int, expiry: int, guardian: str,
                params: bytes = b"", chain_id: int = CHAIN_ID, signed_chain_id: int | None = None,
                verifying_contract: str | None = None, mutate: Any = None) -> tuple:
    """An ABI-ready Certificate tuple signed by `keys` (in order)."""
    verifying = verifying_contract or guardian
    message = typed_request(action, target, params, nonce, expiry,
                            signed_chain_id if signed_chain_id is not None else chain_id, verifying)
    signatures = [sign(k, message) for k in keys]
    if mutate is not None:
        signatures = mutate(signatures)
    return (chain_id, verifying, params, nonce, expiry, signatures)


def limiter_params(asset: str, params: tuple[int, int, int, bool]) -> bytes:
    """The `params` of a set-parameters request: abi_encode(asset, LimiterParams)."""
    return encode(["address", "(uint256,uint256,uint256,bool)"], [asset, params])


def asset_param(asset: str) -> bytes:
    """The `params` of an isolate request, or of the unpause that lifts it: abi_encode(asset)."""
    return encode(["address"], [asset])
