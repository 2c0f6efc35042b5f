"""Antibody's local development chain: py-evm (through eth-tester) behind standard Ethereum JSON-RPC.

Run it with `scripts/devchain --port 8545` (the wrapper creates the venv). It listens on 127.0.0.1
only, prints `ready` on its own line once it serves, and stops cleanly on SIGTERM or Ctrl-C.
Methods and limits: docs/chain.md.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable

from eth.estimators.gas import binary_gas_search
from eth_bloom import BloomFilter
from eth_tester import EthereumTester, PyEVMBackend
import eth_tester.backends.pyevm.main as pyevm_backend
from eth.exceptions import TransactionNotFound as EVMTransactionNotFound
from eth_tester.backends.pyevm.main import EVMSpoofTransaction, _get_vm_for_block_number
from eth_tester.exceptions import BlockNotFound, TransactionNotFound, ValidationError
from eth_utils import to_checksum_address

DEFAULT_CHAIN_ID = 31337
MAX_BODY_BYTES = 1 << 20  # one request (or batch) body
MAX_BATCH = 100  # calls in one batch
MAX_LOG_RANGE = 10_000  # blocks in one eth_getLogs query
SOCKET_TIMEOUT_SECONDS = 30
ERROR_SELECTOR = bytes.fromhex("08c379a0")  # Error(string)
BLOCK_TAGS = ("latest", "earliest", "pending", "safe", "finalized")


class RPCError(Exception):
    """A JSON-RPC error object: code, message and optional data."""

    def __init__(self, code: int, message: str, data: Any = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.data = data

    def to_json(self) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.data is not None:
            error["data"] = self.data
        return error


_scan_transaction_by_hash = pyevm_backend._get_transaction_by_hash


def _indexed_transaction_by_hash(chain: Any, transaction_hash: bytes) -> Any:
    """eth-tester finds a transaction (for receipts and eth_getTransactionByHash) by scanning every
    block from the head down, so each lookup costs O(chain length) and a few hundred receipts take
    minutes. py-evm's chain database keeps a hash → (block, index) lookup for canonical blocks; use
    it, check that it names this very transaction, and fall back to the scan otherwise."""
    head = chain.get_block()
    for index, transaction in enumerate(head.transactions):
        if transaction.hash == transaction_hash:
            return head, transaction, index
    try:
        block_number, index = chain.chaindb.get_transaction_index(transaction_hash)
        block = chain.get_canonical_block_by_number(block_number)
        if index < len(block.transactions) and block.transactions[index].hash == transaction_hash:
            return block, block.transactions[index], index
    except EVMTransactionNotFound:
        raise TransactionNotFound(f"No transaction found for transaction hash: 0x{transaction_hash.hex()}") from None
    except Exception:
        pass
    return _scan_transaction_by_hash(chain, transaction_hash)


pyevm_backend._get_transaction_by_hash = _indexed_transaction_by_hash


def invalid_params(message: str) -> RPCError:
    return RPCError(-32602, f"invalid params: {message}")


# --- inbound ---------------------------------------------------------------------------------

def parse_quantity(value: Any, name: str) -> int:
    if not isinstance(value, str) or not value.startswith("0x") or len(value) < 3 or len(value) > 66:
        raise invalid_params(f"{name} must be a 0x-prefixed hex quantity, got {value!r:.80}")
    try:
        return int(value, 16)
    except ValueError:
        raise invalid_params(f"{name} is not hex: {value!r:.80}") from None


def parse_data(value: Any, name: str, length: int | None = None, limit: int = MAX_BODY_BYTES) -> str:
    if not isinstance(value, str) or not value.startswith("0x") or len(value) % 2 or len(value) > 2 + 2 * limit:
        raise invalid_params(f"{name} must be 0x-prefixed hex bytes, got {value!r:.80}")
    try:
        raw = bytes.fromhex(value[2:])
    except ValueError:
        raise invalid_params(f"{name} is not hex: {value!r:.80}") from None
    if length is not None and len(raw) != length:
        raise invalid_params(f"{name} must be {length} bytes, got {len(raw)}")
    return "0x" + raw.hex()


def parse_address(value: Any, name: str) -> str:
    return to_checksum_address(parse_data(value, name, 20))


def parse_block(value: Any, name: str = "block") -> str | int:
    if value is None:
        return "latest"
    if isinstance(value, dict) and "blockNumber" in value:
        return parse_quantity(value["blockNumber"], name)
    if isinstance(value, str) and value in BLOCK_TAGS:
        return "latest" if value in ("safe", "finalized") else value
    return parse_quantity(value, name)


def parse_call(obj: Any) -> dict[str, Any]:
    if not isinstance(obj, dict):
        raise invalid_params("the transaction must be an object")
    tx: dict[str, Any] = {"from": parse_address(obj.get("from", "0x" + "00" * 20), "from")}
    if obj.get("to") is not None:
        tx["to"] = parse_address(obj["to"], "to")
    data = obj.get("input", obj.get("data"))
    tx["data"] = parse_data(data, "input") if data is not None else "0x"
    for key, name in (("gas", "gas"), ("value", "value"), ("gasPrice", "gas_price"),
                      ("maxFeePerGas", "max_fee_per_gas"), ("maxPriorityFeePerGas", "max_priority_fee_per_gas")):
        if obj.get(key) is not None:
            tx[name] = parse_quantity(obj[key], key)
    if "to" not in tx:
        tx["to"] = ""
    return tx


# --- outbound --------------------------------------------------------------------------------

def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


RENAMES = {"coinbase": "miner", "data": "input"}


def to_rpc(value: Any, key: str | None = None) -> Any:
    """eth-tester's snake_case values → JSON-RPC camelCase with hex quantities."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        if key == "logsBloom":
            return "0x" + value.to_bytes(256, "big").hex()
        return hex(value)
    if isinstance(value, (bytes, bytearray)):
        return "0x" + bytes(value).hex()
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return {camel(k): to_rpc(v, camel(k)) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_rpc(v) for v in value]
    return str(value)


def format_log(entry: dict[str, Any]) -> dict[str, Any]:
    log = to_rpc({k: v for k, v in entry.items() if k != "type"})
    log["removed"] = False
    return log


def format_transaction(tx: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in tx.items():
        name = "input" if k == "data" else camel(k)
        out[name] = to_rpc(v, name)
    return out


def format_block(block: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in block.items():
        name = RENAMES.get(k, camel(k)) if k != "data" else "data"
        if name == "transactions":
            out[name] = [format_transaction(t) if isinstance(t, dict) else t for t in v]
        else:
            out[name] = to_rpc(v, name)
    return out


def format_receipt(receipt: dict[str, Any]) -> dict[str, Any]:
    bloom = BloomFilter()
    for entry in receipt["logs"]:
        bloom.add(bytes.fromhex(entry["address"][2:]))
        for topic in entry["topics"]:
            bloom.add(bytes.fromhex(topic[2:]))
    out = {camel(k): to_rpc(v, camel(k)) for k, v in receipt.items() if k not in ("logs", "state_root")}
    out["logs"] = [format_log(e) for e in receipt["logs"]]
    out["logsBloom"] = "0x" + int(bloom).to_bytes(256, "big").hex()
    return out


def revert_error(output: bytes) -> RPCError:
    """The error geth returns for a reverted call: code 3, the reason in the message, raw data."""
    reason = ""
    if output[:4] == ERROR_SELECTOR:
        try:
            from eth_abi import decode
            reason = decode(["string"], output[4:])[0]
        except Exception:  # malformed reason: still report the raw data
            reason = ""
    message = f"execution reverted: {reason}" if reason else "execution reverted"
    return RPCError(3, message, "0x" + output.hex())


# --- the chain -------------------------------------------------------------------------------

class DevChain:
    """eth-tester's PyEVMBackend, one lock, and the JSON-RPC methods."""

    def __init__(self, chain_id: int, accounts: int, automine: bool):
        backend = PyEVMBackend(genesis_state=dict(PyEVMBackend.generate_genesis_state(num_accounts=accounts)))
        type(backend.chain).chain_id = chain_id  # the class is created per backend
        self.backend = backend
        # eth-tester's own pending pool re-validates each transaction against the latest state, so
        # it refuses a sender's second pending transaction; we keep our own pool instead.
        self.tester = EthereumTester(backend, auto_mine_transactions=True)
        self.automine = automine
        self.mempool: list[tuple[bytes, str, str, int]] = []  # raw, hash, sender, nonce
        self.chain_id = chain_id
        self.lock = threading.Lock()
        self.methods: dict[str, Callable[[list[Any]], Any]] = {
            "web3_clientVersion": lambda p: "antibody-devchain/1 (py-evm via eth-tester)",
            "net_version": lambda p: str(self.chain_id),
            "eth_chainId": lambda p: hex(self.chain_id),
            "eth_accounts": lambda p: list(self.tester.get_accounts()),
            "eth_blockNumber": lambda p: hex(self.tester.get_block_by_number("latest")["number"]),
            "eth_gasPrice": self.gas_price,
            "eth_maxPriorityFeePerGas": lambda p: hex(10**9),
            "eth_getBalance": lambda p: hex(self.tester.get_balance(*self.address_and_block(p))),
            "eth_getCode": lambda p: self.tester.get_code(*self.address_and_block(p)),
            "eth_getTransactionCount": self.transaction_count,
            "eth_call": self.call,
            "eth_estimateGas": self.estimate_gas,
            "eth_sendRawTransaction": self.send_raw_transaction,
            "eth_getTransactionReceipt": self.receipt,
            "eth_getTransactionByHash": self.transaction_by_hash,
            "eth_getLogs": self.logs,
            "eth_getBlockByNumber": self.block_by_number,
            "eth_getBlockByHash": self.block_by_hash,
            "evm_mine": self.mine,
            "evm_setAutomine": self.set_automine,
            "evm_increaseTime": self.increase_time,
            "evm_snapshot": lambda p: hex(self.tester.take_snapshot()),
            "evm_revert": self.revert,
        }

    # helpers
    @staticmethod
    def arity(params: list[Any], low: int, high: int) -> list[Any]:
        if not low <= len(params) <= high:
            raise invalid_params(f"expected {low}..{high} parameters, got {len(params)}")
        return params + [None] * (high - len(params))

    def address_and_block(self, params: list[Any]) -> tuple[str, str | int]:
        address, block = self.arity(params, 1, 2)
        return parse_address(address, "address"), parse_block(block)

    def gas_price(self, params: list[Any]) -> str:
        base = self.tester.get_block_by_number("pending").get("base_fee_per_gas") or 0
        return hex(base + 10**9)

    def transaction_count(self, params: list[Any]) -> str:
        address, block = self.address_and_block(params)
        if block == "pending":
            return hex(self.pending_nonce(address))
        return hex(self.tester.get_nonce(address, block))

    def pending_nonce(self, address: str) -> int:
        nonce = self.tester.get_nonce(address, "latest")
        return max([nonce] + [n + 1 for _, _, sender, n in self.mempool if sender == address])

    def run_on_state(self, tx: dict[str, Any], block: str | int, action: Callable[[Any, Any], Any]) -> Any:
        """Runs `action(state, transaction)` on a throw-away copy of the state at `block`. As in other
        dev nodes, a sender that cannot pay for the gas is credited for the duration."""
        if block == "pending":
            block = "latest"
        raw = self.tester.normalizer.normalize_inbound_transaction(tx)
        raw.setdefault("gas", self.backend._max_available_gas())
        unsigned = self.backend._get_normalized_and_unsigned_evm_transaction(raw, block)
        spoof = EVMSpoofTransaction(unsigned, from_=raw["from"])
        state = _get_vm_for_block_number(self.backend.chain, block).state
        snapshot = state.snapshot()
        try:
            fee = getattr(unsigned, "max_fee_per_gas", None) or getattr(unsigned, "gas_price", 0)
            needed = unsigned.gas * fee + unsigned.value
            if state.get_balance(raw["from"]) < needed:
                state.set_balance(raw["from"], needed)
            return action(state, spoof)
        finally:
            state.revert(snapshot)

    def execute(self, tx: dict[str, Any], block: str | int) -> bytes:
        """eth_call, keeping the raw revert data (eth-tester's own call drops it)."""
        computation = self.run_on_state(tx, block, lambda state, spoof: state.apply_transaction(spoof))
        if computation.is_error:
            error = computation._error
            output = error.args[0] if error.args and isinstance(error.args[0], bytes) else b""
            if type(error).__name__ == "Revert":
                raise revert_error(output)
            raise RPCError(-32015, f"execution failed: {type(error).__name__}")
        return computation.output

    def call(self, params: list[Any]) -> str:
        obj, block = self.arity(params, 1, 3)[:2]
        return "0x" + self.execute(parse_call(obj), parse_block(block)).hex()

    def estimate_gas(self, params: list[Any]) -> str:
        obj, block = self.arity(params, 1, 2)
        tx = parse_call(obj)
        tx.pop("gas", None)
        block = parse_block(block)
        self.execute(tx, block)  # a revert here becomes the JSON-RPC revert error, with its data
        try:
            return hex(self.run_on_state(tx, block, lambda state, spoof: binary_gas_search(state, spoof, tolerance=1)))
        except Exception as error:
            raise RPCError(-32000, f"gas estimation failed: {type(error).__name__}: {error}") from None

    def send_raw_transaction(self, params: list[Any]) -> str:
        (raw,) = self.arity(params, 1, 1)
        raw = parse_data(raw, "transaction", limit=128 * 1024)
        if not self.automine:
            return self.enqueue(bytes.fromhex(raw[2:]))
        try:
            return self.tester.send_raw_transaction(raw)
        except Exception as error:  # eth-tester's and py-evm's ValidationErrors: bad nonce, fee, signature
            raise RPCError(-32000, f"invalid transaction: {type(error).__name__}: {error}") from None

    def enqueue(self, raw: bytes) -> str:
        """Automine off: checks the transaction and keeps it pending until evm_mine."""
        try:
            tx = self.backend.chain.get_vm().get_transaction_builder().decode(raw)
            sender = to_checksum_address(tx.sender)
        except Exception as error:
            raise RPCError(-32000, f"invalid transaction: cannot decode: {type(error).__name__}") from None
        chain_id = getattr(tx, "chain_id", None)
        if chain_id is not None and chain_id != self.chain_id:
            raise RPCError(-32000, f"invalid transaction: chain id {chain_id}, expected {self.chain_id}")
        expected = self.pending_nonce(sender)
        if tx.nonce != expected:
            kind = "too low" if tx.nonce < expected else "too high (gap)"
            raise RPCError(-32000, f"invalid transaction: nonce {kind}: expected {expected}, got {tx.nonce}")
        tx_hash = "0x" + tx.hash.hex()
        self.mempool.append((raw, tx_hash, sender, tx.nonce))
        return tx_hash

    def flush_mempool(self) -> None:
        """Applies the pending transactions, in arrival order, to the block being built."""
        pool, self.mempool = self.mempool, []
        for raw, tx_hash, _, _ in pool:
            try:
                self.backend.send_raw_transaction(raw)
            except Exception as error:
                print(f"devchain: dropped pending transaction {tx_hash}: {type(error).__name__}: {error}",
                      flush=True)

    def mine_pool(self) -> bool:
        """Mines the whole pool into one block at once (py-evm's one-by-one path rebuilds the
        transaction trie per transaction). Returns False, having changed nothing, when some
        transaction is invalid; the caller then applies them one by one, dropping the bad ones."""
        if not self.mempool:
            return False
        chain = self.backend.chain
        try:
            builder = chain.get_vm().get_transaction_builder()
            transactions = [builder.decode(raw) for raw, _, _, _ in self.mempool]
            chain.mine_all(transactions, coinbase=b"\x00" * 20, mix_hash=os.urandom(32), blob_gas_used=0)
        except Exception:
            return False
        self.mempool = []
        return True

    def receipt(self, params: list[Any]) -> Any:
        (tx_hash,) = self.arity(params, 1, 1)
        try:
            return format_receipt(self.tester.get_transaction_receipt(parse_data(tx_hash, "hash", 32)))
        except TransactionNotFound:
            return None

    def transaction_by_hash(self, params: list[Any]) -> Any:
        (tx_hash,) = self.arity(params, 1, 1)
        tx_hash = parse_data(tx_hash, "hash", 32)
        for _, pending_hash, sender, nonce in self.mempool:
            if pending_hash == tx_hash:
                return {"hash": tx_hash, "from": sender, "nonce": hex(nonce), "blockHash": None,
                        "blockNumber": None, "transactionIndex": None}
        try:
            return format_transaction(self.tester.get_transaction_by_hash(tx_hash))
        except TransactionNotFound:
            return None

    def block_by_number(self, params: list[Any]) -> Any:
        block, full = self.arity(params, 1, 2)
        try:
            return format_block(self.tester.get_block_by_number(parse_block(block), bool(full)))
        except BlockNotFound:
            return None

    def block_by_hash(self, params: list[Any]) -> Any:
        block_hash, full = self.arity(params, 1, 2)
        try:
            return format_block(self.tester.get_block_by_hash(parse_data(block_hash, "hash", 32), bool(full)))
        except BlockNotFound:
            return None

    def logs(self, params: list[Any]) -> list[dict[str, Any]]:
        (query,) = self.arity(params, 1, 1)
        if not isinstance(query, dict):
            raise invalid_params("the filter must be an object")
        latest = self.tester.get_block_by_number("latest")["number"]

        def number(value: Any, name: str) -> int:
            block = parse_block(value, name)
            if block in ("latest", "pending"):
                return latest
            return 0 if block == "earliest" else min(int(block), latest)

        if query.get("blockHash") is not None:
            block = self.tester.get_block_by_hash(parse_data(query["blockHash"], "blockHash", 32))
            low = high = block["number"]
        else:
            low = number(query.get("fromBlock"), "fromBlock")
            high = number(query.get("toBlock"), "toBlock")
        if high - low + 1 > MAX_LOG_RANGE:
            raise RPCError(-32005, f"query spans {high - low + 1} blocks; at most {MAX_LOG_RANGE} allowed")
        address = query.get("address")
        if isinstance(address, list):
            if len(address) > 64:
                raise invalid_params("at most 64 addresses")
            address = [parse_address(a, "address") for a in address]
        elif address is not None:
            address = parse_address(address, "address")
        topics = query.get("topics")
        if topics is not None:
            if not isinstance(topics, list) or len(topics) > 4:
                raise invalid_params("topics must be a list of at most 4 entries")
            parsed = []
            for entry in topics:
                if entry is None:
                    parsed.append(None)
                elif isinstance(entry, list):
                    parsed.append(tuple(parse_data(t, "topic", 32) for t in entry[:16]))
                else:
                    parsed.append(parse_data(entry, "topic", 32))
            topics = parsed
        if low > high:
            return []
        entries = self.tester.get_logs(from_block=low, to_block=high, address=address, topics=topics)
        return [format_log(e) for e in entries]

    def mine(self, params: list[Any]) -> str:
        count = 1
        if params and isinstance(params[0], str):
            count = parse_quantity(params[0], "blocks")
        elif params and isinstance(params[0], dict) and "blocks" in params[0]:
            count = int(params[0]["blocks"])
        if not 1 <= count <= 1000:
            raise invalid_params("mine 1..1000 blocks at a time")
        if self.mine_pool():
            count -= 1
        elif self.mempool:
            self.flush_mempool()
        if count:
            self.tester.mine_blocks(count)
        return "0x0"

    def set_automine(self, params: list[Any]) -> bool:
        (on,) = self.arity(params, 1, 1)
        if not isinstance(on, bool):
            raise invalid_params("evm_setAutomine takes true or false")
        if on and self.mempool and not self.mine_pool():
            self.flush_mempool()
            self.tester.mine_blocks(1)
        self.automine = on
        return True

    def increase_time(self, params: list[Any]) -> str:
        (seconds,) = self.arity(params, 1, 1)
        seconds = parse_quantity(seconds, "seconds") if isinstance(seconds, str) else seconds
        if not isinstance(seconds, int) or not 0 <= seconds <= 10 * 365 * 86400:
            raise invalid_params("seconds must be 0..10 years")
        pending = self.tester.get_block_by_number("pending")["timestamp"]
        self.tester.time_travel(pending + seconds)
        return hex(seconds)

    def revert(self, params: list[Any]) -> bool:
        (snapshot,) = self.arity(params, 1, 1)
        try:
            self.tester.revert_to_snapshot(parse_quantity(snapshot, "snapshot"))
        except Exception:
            return False
        return True

    # dispatch
    def handle(self, request: Any) -> dict[str, Any] | None:
        if not isinstance(request, dict) or request.get("jsonrpc") != "2.0" or not isinstance(
            request.get("method"), str
        ):
            return {"jsonrpc": "2.0", "id": None, "error": RPCError(-32600, "invalid request").to_json()}
        request_id = request.get("id")
        is_notification = "id" not in request
        params = request.get("params", [])
        try:
            if not isinstance(params, list):
                raise invalid_params("params must be an array")
            method = self.methods.get(request["method"])
            if method is None:
                raise RPCError(-32601, f"method not found: {request['method'][:64]}")
            with self.lock:
                result = method(params)
            response: dict[str, Any] = {"jsonrpc": "2.0", "id": request_id, "result": result}
        except RPCError as error:
            response = {"jsonrpc": "2.0", "id": request_id, "error": error.to_json()}
        except (ValidationError, ValueError, TypeError) as error:
            response = {"jsonrpc": "2.0", "id": request_id, "error": invalid_params(str(error)[:200]).to_json()}
        except Exception as error:  # never let one call take the server down
            message = f"internal error: {type(error).__name__}: {str(error)[:200]}"
            response = {"jsonrpc": "2.0", "id": request_id, "error": RPCError(-32603, message).to_json()}
        return None if is_notification else response


class Handler(BaseHTTPRequestHandler):
    chain: DevChain
    timeout = SOCKET_TIMEOUT_SECONDS
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle's algorithm on a kept-alive connection the
    # body waits for the client's delayed ACK (~40 ms on Linux), which capped a keep-alive client
    # at ~12 calls per second.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:  # quiet: one line per error only
        pass

    def reply(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def reply_error(self, status: int, code: int, message: str) -> None:
        body = {"jsonrpc": "2.0", "id": None, "error": {"code": code, "message": message}}
        self.reply(status, json.dumps(body).encode())

    def do_GET(self) -> None:
        self.reply_error(405, -32600, "use POST with a JSON-RPC body")

    def do_POST(self) -> None:
        length_header = self.headers.get("Content-Length")
        if length_header is None or not length_header.isdigit():
            self.close_connection = True
            return self.reply_error(411, -32600, "Content-Length required")
        length = int(length_header)
        if length > MAX_BODY_BYTES:
            self.close_connection = True
            if length <= 16 * MAX_BODY_BYTES:  # drain it, so the client reads the answer, not a reset
                remaining = length
                while remaining > 0:
                    chunk = self.rfile.read(min(remaining, 1 << 16))
                    if not chunk:
                        break
                    remaining -= len(chunk)
            return self.reply_error(413, -32600, f"body too large: {length} bytes, at most {MAX_BODY_BYTES}")
        try:
            payload = json.loads(self.rfile.read(length))
        except (ValueError, UnicodeDecodeError):
            return self.reply_error(200, -32700, "parse error")
        if isinstance(payload, list):
            if not payload:
                return self.reply_error(200, -32600, "empty batch")
            if len(payload) > MAX_BATCH:
                return self.reply_error(200, -32600, f"batch of {len(payload)} calls; at most {MAX_BATCH}")
            responses = [r for r in (self.chain.handle(item) for item in payload) if r is not None]
            if not responses:
                self.send_response(204)
                self.send_header("Content-Length", "0")
                return self.end_headers()
            return self.reply(200, json.dumps(responses).encode())
        response = self.chain.handle(payload)
        if response is None:
            self.send_response(204)
            self.send_header("Content-Length", "0")
            return self.end_headers()
        self.reply(200, json.dumps(response).encode())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="scripts/devchain", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8545, help="TCP port on 127.0.0.1 (0 picks a free one)")
    parser.add_argument("--chain-id", type=int, default=DEFAULT_CHAIN_ID, help="EIP-155 chain id")
    parser.add_argument("--accounts", type=int, default=10, help="pre-funded dev accounts (1..100)")
    parser.add_argument("--no-automine", action="store_true", help="keep transactions pending until evm_mine")
    args = parser.parse_args(argv)
    if not 0 <= args.port <= 65535:
        parser.error("--port must be 0..65535")
    if not 1 <= args.chain_id < 2**63:
        parser.error("--chain-id must be positive")
    if not 1 <= args.accounts <= 100:
        parser.error("--accounts must be 1..100")

    chain = DevChain(args.chain_id, args.accounts, automine=not args.no_automine)
    Handler.chain = chain
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True

    def stop(signum: int, frame: Any) -> None:
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    # A parent may have spawned us with these blocked (Foundation's Process does): unblock them, or
    # SIGTERM would never reach the handler.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})

    balance = chain.tester.get_balance(chain.tester.get_accounts()[0]) // 10**18
    print(f"devchain: chain id {args.chain_id}, automine {'off' if args.no_automine else 'on'}, "
          f"listening on http://127.0.0.1:{server.server_address[1]}")
    print(f"devchain: {args.accounts} pre-funded accounts, {balance} ETH each. WELL-KNOWN TEST KEYS, "
          "public to everyone, never use them on a real network: account i (from 1) has the private "
          "key equal to the integer i as 32 bytes.")
    for i, address in enumerate(chain.tester.get_accounts(), start=1):
        print(f"devchain:   account {i}: {address}")
    print("ready", flush=True)
    server.serve_forever(poll_interval=0.2)
    server.server_close()
    print("devchain: stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
