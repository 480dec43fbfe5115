#!/usr/bin/env python3
"""Builds the Windows .ico and macOS .icns from the PNG renderings of assets/icons/pscdesk.svg.

Both formats may carry PNG images as they are (ICO since Windows Vista, ICNS types ic07/ic08), so no image
library is needed. Run from the repository root after changing the icon: python3 installer/make_icons.py
"""
import struct
from pathlib import Path

SRC = Path("assets/icons")
OUT = Path("installer/icons")


def png(size):
    return (SRC / f"pscdesk-{size}.png").read_bytes()


def ico(sizes):
    images = [png(s) for s in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, data = b"", b""
    for size, image in zip(sizes, images):
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(image), offset + len(data))
        data += image
    return header + entries + data


def icns(types):
    body = b""
    for kind, size in types:
        image = png(size)
        body += kind + struct.pack(">I", 8 + len(image)) + image
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "pscdesk.ico").write_bytes(ico([16, 32, 48, 64, 128, 256]))
    (OUT / "pscdesk.icns").write_bytes(icns([(b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128),
                                             (b"ic08", 256)]))
    print("wrote", OUT / "pscdesk.ico", "and", OUT / "pscdesk.icns")
