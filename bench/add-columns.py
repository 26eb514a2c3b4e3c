#!/usr/bin/env python3
"""Writes N `ALTER TABLE ... ADD COLUMN` statements (about 40 bytes each: 500,000 make the
20 MB file of issue 15) to standard output: the file lint-memory.sh lints under -Xmx512m.

Usage: bench/add-columns.py N > big.sql
The columns spread over 1,000 tables, so no table gets an unrealistic number of them."""
import sys

n = int(sys.argv[1])
out = sys.stdout
for i in range(n):
    out.write(f"ALTER TABLE t_{i % 1000} ADD COLUMN c_{i} int;\n")
