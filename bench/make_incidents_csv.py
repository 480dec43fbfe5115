#!/usr/bin/env python3
"""Writes a synthetic incident CSV for import benchmarks, deterministic (seeded).

Usage: make_incidents_csv.py N OUT.csv [--wide]
Narrow: id, x, y (EPSG:26915 metres around St. Louis), occurred, category, description.
Wide (--wide): the 20 columns of an SLMPD monthly file (complaint, dates, flags, codes, addresses...) with
x, y in EPSG:26915 metres, as a police extract looks."""
import random
import sys

n = int(sys.argv[1])
out = sys.argv[2]
wide = "--wide" in sys.argv[3:]
rnd = random.Random(42)
categories = ["Aggravated assault", "Robbery", "Burglary", "Larceny", "Motor vehicle theft", "Vandalism"]
streets = ["MAIN ST", "GRAND BLVD", "N BROADWAY", "S KINGSHIGHWAY BLVD", "DELMAR BLVD", "CHOUTEAU AVE"]
with open(out, "w", newline="") as f:
    if wide:
        f.write("Complaint,CodedMonth,DateOccur,FlagCrime,FlagUnfounded,FlagAdministrative,Count,FlagCleanup,"
                "Crime,District,Description,ILEADSAddress,ILEADSStreet,Neighborhood,LocationName,"
                "LocationComment,CADAddress,CADStreet,x,y\n")
    else:
        f.write("id,x,y,occurred,category,description\n")
    for i in range(n):
        x = 735000 + rnd.random() * 15000
        y = 4272000 + rnd.random() * 20000
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        c = categories[i % len(categories)]
        if wide:
            s = streets[i % len(streets)]
            f.write(f"18-{i:06d},2018-{month:02d},{month:02d}/{day:02d}/2018 {i % 24:02d}:{i % 60:02d}, , , ,1, ,"
                    f"{31111 + i % 500},{1 + i % 6},\"{c.upper()}, BLOCK {i % 997}\",{100 + i % 4000},{s},"
                    f"{1 + i % 79}, , ,{200 + i % 3000},{s},{x:.2f},{y:.2f}\n")
        else:
            f.write(f"{i},{x:.2f},{y:.2f},2024-{month:02d}-{day:02d}T{i % 24:02d}:{i % 60:02d}:00,{c},"
                    f"\"{c.upper()}, block {i % 997}\"\n")
