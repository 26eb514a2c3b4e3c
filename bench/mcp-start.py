#!/usr/bin/env python3
"""Times a fresh `./migsafe mcp` as an assistant sees it: from the process start to the answer
of `initialize`, then the first `lint` call (the rule base may still be building in the
background), then a second one. Runs N times (default 5): `bench/mcp-start.py [N]`.
McpLintBenchmark (JMH) has the warm figure."""
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main(runs):
    for run in range(1, runs + 1):
        start = time.perf_counter()
        server = subprocess.Popen([os.path.join(ROOT, "migsafe"), "mcp"], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

        def ask(message):
            began = time.perf_counter()
            server.stdin.write((json.dumps(message) + "\n").encode())
            server.stdin.flush()
            if "id" in message:
                answer = json.loads(server.stdout.readline())
                if "error" in answer or answer.get("result", {}).get("isError"):
                    sys.exit(f"the server answered with an error: {answer}")
            return (time.perf_counter() - began) * 1000

        ask({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "protocolVersion": "2025-11-25", "capabilities": {},
            "clientInfo": {"name": "mcp-start", "version": "1"}}})
        ready = (time.perf_counter() - start) * 1000
        ask({"jsonrpc": "2.0", "method": "notifications/initialized"})
        lints = [ask({"jsonrpc": "2.0", "id": i, "method": "tools/call", "params": {
            "name": "lint", "arguments": {
                "sql": f"ALTER TABLE t ADD COLUMN c{i} uuid DEFAULT gen_random_uuid();"}}})
                 for i in (2, 3)]
        server.stdin.close()
        server.wait(timeout=60)
        print(f"run {run}: initialize answered after {ready:.0f} ms, first lint {lints[0]:.0f} ms,"
              f" second lint {lints[1]:.0f} ms, exit {server.returncode}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
