"""scripts/devchain as a real subprocess, spoken to only over HTTP JSON-RPC: deploy with a signed
raw transaction, call, send, mine with automine off, receipts, logs, revert data, batching, limits,
and a clean SIGTERM shutdown."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from eth_abi import decode, encode
from eth_account import Account
from eth_utils import function_signature_to_4byte_selector, keccak

from harness import compiled

ROOT = Path(__file__).resolve().parents[2]
KEY_1 = (1).to_bytes(32, "big")  # the devchain's well-known test key of account 1
KEY_2 = (2).to_bytes(32, "big")
TRANSFER_TOPIC = "0x" + keccak(text="Transfer(address,address,uint256)").hex()


class Node:
    def __init__(self):
        self.process = subprocess.Popen(
            [str(ROOT / "scripts" / "devchain"), "--port", "0", "--accounts", "3"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        self.url = None
        self.lines = []
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            self.lines.append(line)
            match = re.search(r"listening on (http://127\.0\.0\.1:\d+)", line)
            if match:
                self.url = match.group(1)
            if line.strip() == "ready":
                break
        assert self.url and self.lines[-1].strip() == "ready", "".join(self.lines)
        self.next_id = 0

    def post(self, payload, raw: bytes | None = None):
        body = raw if raw is not None else json.dumps(payload).encode()
        request = urllib.request.Request(self.url, data=body, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())

    def rpc(self, method, *params):
        self.next_id += 1
        reply = self.post({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": list(params)})
        assert reply["id"] == self.next_id
        if "error" in reply:
            raise RPCError(reply["error"])
        return reply["result"]

    def send(self, key, to, data: bytes, gas=None, nonce=None):
        sender = Account.from_key(key).address
        tx = {"from": sender, "data": "0x" + data.hex()}
        if to:
            tx["to"] = to
        tx = {
            "type": 2, "chainId": int(self.rpc("eth_chainId"), 16),
            "nonce": nonce if nonce is not None else int(self.rpc("eth_getTransactionCount", sender, "pending"), 16),
            "maxFeePerGas": int(self.rpc("eth_gasPrice"), 16) * 2, "maxPriorityFeePerGas": 10**9,
            "gas": gas or int(self.rpc("eth_estimateGas", tx), 16) * 12 // 10,
            "value": 0, "data": data,
        }
        if to:
            tx["to"] = to
        signed = Account.sign_transaction(tx, key)
        return self.rpc("eth_sendRawTransaction", "0x" + signed.raw_transaction.hex())

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode, self.process.stdout.read()


class RPCError(Exception):
    def __init__(self, error):
        super().__init__(error["message"])
        self.code = error["code"]
        self.message = error["message"]
        self.data = error.get("data")


@pytest.fixture(scope="module")
def node():
    n = Node()
    yield n
    n.stop()


def calldata(signature: str, types: list[str], args: list) -> bytes:
    return function_signature_to_4byte_selector(signature) + encode(types, args)


def test_devchain_end_to_end(node):
    assert node.rpc("eth_chainId") == hex(31337)
    me = Account.from_key(KEY_1).address
    other = Account.from_key(KEY_2).address
    assert int(node.rpc("eth_getBalance", me, "latest"), 16) == 10**24
    start = int(node.rpc("eth_blockNumber"), 16)

    abi, bytecode = compiled("TestToken")
    deploy = bytecode + encode(["string", "string", "uint8"], ["Test USD", "TUSD", 18])
    tx_hash = node.send(KEY_1, None, deploy)
    receipt = node.rpc("eth_getTransactionReceipt", tx_hash)
    assert receipt["status"] == "0x1" and receipt["transactionHash"] == tx_hash
    token = receipt["contractAddress"]
    assert len(node.rpc("eth_getCode", token, "latest")) > 100
    assert int(node.rpc("eth_blockNumber"), 16) == start + 1

    mint = node.send(KEY_1, token, calldata("mint(address,uint256)", ["address", "uint256"], [me, 500]))
    mint_receipt = node.rpc("eth_getTransactionReceipt", mint)
    assert mint_receipt["logs"][0]["topics"][0] == TRANSFER_TOPIC
    balance = node.rpc("eth_call", {"to": token, "data": "0x" + calldata("balanceOf(address)", ["address"], [me]).hex()},
                       "latest")
    assert decode(["uint256"], bytes.fromhex(balance[2:]))[0] == 500

    logs = node.rpc("eth_getLogs", {"fromBlock": hex(start), "toBlock": "latest", "address": token,
                                    "topics": [TRANSFER_TOPIC]})
    assert len(logs) == 1 and logs[0]["transactionHash"] == mint and logs[0]["removed"] is False
    assert decode(["uint256"], bytes.fromhex(logs[0]["data"][2:]))[0] == 500
    block = node.rpc("eth_getBlockByNumber", mint_receipt["blockNumber"], False)
    assert block["hash"] == mint_receipt["blockHash"] and mint in block["transactions"]

    # A revert: the reason in the message, the Error(string) payload as data.
    with pytest.raises(RPCError) as info:
        node.rpc("eth_call", {"from": other, "to": token,
                              "data": "0x" + calldata("transfer(address,uint256)", ["address", "uint256"],
                                                      [me, 1]).hex()}, "latest")
    assert info.value.code == 3
    assert info.value.message == "execution reverted: Token: insufficient balance"
    assert info.value.data.startswith("0x08c379a0")
    assert decode(["string"], bytes.fromhex(info.value.data[10:]))[0] == "Token: insufficient balance"
    with pytest.raises(RPCError) as info:
        node.rpc("eth_estimateGas", {"from": other, "to": token, "data": "0x" + calldata(
            "transfer(address,uint256)", ["address", "uint256"], [me, 1]).hex()})
    assert info.value.code == 3

    # A reverted transaction is mined with status 0.
    bad = node.send(KEY_2, token, calldata("transfer(address,uint256)", ["address", "uint256"], [me, 1]),
                    gas=100_000)
    assert node.rpc("eth_getTransactionReceipt", bad)["status"] == "0x0"


def test_automine_off_keeps_transactions_pending(node):
    me = Account.from_key(KEY_1).address
    assert node.rpc("evm_setAutomine", False) is True
    try:
        height = int(node.rpc("eth_blockNumber"), 16)
        latest_nonce = int(node.rpc("eth_getTransactionCount", me, "latest"), 16)
        first = node.send(KEY_1, Account.from_key(KEY_2).address, b"", gas=21_000)
        second = node.send(KEY_1, Account.from_key(KEY_2).address, b"", gas=21_000)
        assert node.rpc("eth_getTransactionReceipt", first) is None
        assert int(node.rpc("eth_getTransactionCount", me, "pending"), 16) == latest_nonce + 2
        assert int(node.rpc("eth_getTransactionCount", me, "latest"), 16) == latest_nonce
        assert int(node.rpc("eth_blockNumber"), 16) == height
        node.rpc("evm_mine")
        assert int(node.rpc("eth_blockNumber"), 16) == height + 1
        r1, r2 = (node.rpc("eth_getTransactionReceipt", h) for h in (first, second))
        assert r1["blockNumber"] == r2["blockNumber"] == hex(height + 1)
    finally:
        node.rpc("evm_setAutomine", True)


def test_batching_errors_and_limits(node):
    replies = node.post([
        {"jsonrpc": "2.0", "id": 1, "method": "eth_chainId", "params": []},
        {"jsonrpc": "2.0", "id": 2, "method": "eth_nope", "params": []},
        {"jsonrpc": "2.0", "id": 3, "method": "eth_getBalance", "params": ["0x1234", "latest"]},
        {"jsonrpc": "2.0", "method": "eth_chainId", "params": []},  # a notification: no reply
    ])
    assert [r["id"] for r in replies] == [1, 2, 3]
    assert replies[0]["result"] == hex(31337)
    assert replies[1]["error"]["code"] == -32601
    assert replies[2]["error"]["code"] == -32602
    assert node.post(None, raw=b"{not json")["error"]["code"] == -32700
    assert node.post({"id": 1})["error"]["code"] == -32600
    assert node.post([])["error"]["code"] == -32600
    too_many = [{"jsonrpc": "2.0", "id": i, "method": "eth_chainId"} for i in range(101)]
    assert node.post(too_many)["error"]["code"] == -32600
    with pytest.raises(urllib.error.HTTPError) as info:
        node.post(None, raw=b" " * (1 << 20 + 1))
    assert info.value.code == 413
    # A nonce gap is refused with a clear error rather than queued forever.
    me = Account.from_key(KEY_1).address
    future = int(node.rpc("eth_getTransactionCount", me, "pending"), 16) + 5
    with pytest.raises(RPCError) as info:
        node.send(KEY_1, Account.from_key(KEY_2).address, b"", gas=21_000, nonce=future)
    assert info.value.code == -32000 and "nonce" in info.value.message.lower()


def test_sigterm_stops_cleanly():
    n = Node()
    assert n.rpc("eth_blockNumber") == "0x0"
    code, output = n.stop()
    assert code == 0 and "devchain: stopped" in output
