"""The chain's own ceiling for `antibody bench chain`: pre-signed EIP-1559 transfers (eth-account,
signed before the clock starts) sent one request at a time with urllib, each waiting only for the
node's answer. Run with the chain venv against a running devchain:

    .venv-chain/bin/python benchmarks/peers/devchain_raw_send.py http://127.0.0.1:8545 200

It uses eth-tester's well-known test account 5 (private key 5), so it does not disturb the
accounts `antibody bench chain` sends from by default (1…4).
"""

import json
import sys
import time
import urllib.request

from eth_account import Account


def rpc(url: str, method: str, params: list) -> dict:
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params}).encode()
    request = urllib.request.Request(url, body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def main() -> None:
    url, count = sys.argv[1], int(sys.argv[2])
    key = "0x" + "00" * 31 + "05"
    sender = Account.from_key(key).address
    chain_id = int(rpc(url, "eth_chainId", [])["result"], 16)
    nonce = int(rpc(url, "eth_getTransactionCount", [sender, "pending"])["result"], 16)
    raws = [
        "0x" + Account.sign_transaction(
            dict(type=2, chainId=chain_id, nonce=nonce + i, maxFeePerGas=10**10, maxPriorityFeePerGas=10**9,
                 gas=21000, to="0x" + "11" * 20, value=1),
            key,
        ).raw_transaction.hex().removeprefix("0x")
        for i in range(count)
    ]
    start = time.time()
    for raw in raws:
        answer = rpc(url, "eth_sendRawTransaction", [raw])
        if "result" not in answer:
            sys.exit(f"refused: {answer}")
    elapsed = time.time() - start
    print(f"raw: {count} pre-signed transactions in {elapsed:.1f} s: {count / elapsed:.1f} tx/s")


if __name__ == "__main__":
    main()
