#!/usr/bin/env python3
"""Writes a synthetic incident CSV for import benchmarks: N rows of id, x, y (EPSG:26915 metres around
St. Louis), occurred, category, description. Deterministic (seeded). Usage: make_incidents_csv.py N OUT.csv"""
import random
import sys

n = int(sys.argv[1])
out = sys.argv[2]
rnd = random.Random(42)
categories = ["Aggravated assault", "Robbery", "Burglary", "Larceny", "Motor vehicle theft", "Vandalism"]
with open(out, "w", newline="") as f:
    f.write("id,x,y,occurred,category,description\n")
    for i in range(n):
        x = 735000 + rnd.random() * 15000
        y = 4272000 + rnd.random() * 20000
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        c = categories[i % len(categories)]
        f.write(f"{i},{x:.2f},{y:.2f},2024-{month:02d}-{day:02d}T{i % 24:02d}:{i % 60:02d}:00,{c},\"{c.upper()}, block {i % 997}\"\n")
