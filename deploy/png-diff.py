#!/usr/bin/env python3
"""Counts the pixels that differ between two PNGs (8-bit RGB or RGBA, not interlaced), with only the standard
library, so deploy/prove-arm64.sh needs no image tools. Prints one line: 'N of M pixels differ (max channel
difference D)' or 'pixel-identical' when the files differ but the pixels do not (e.g. other zlib settings)."""
import struct
import sys
import zlib


def decode(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        sys.exit(f"{path}: only 8-bit RGB/RGBA, non-interlaced PNGs are supported")
    bpp = 4 if colour == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 0xFF
            elif f == 2:
                line[i] = (line[i] + b) & 0xFF
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


w1, h1, bpp1, a = decode(sys.argv[1])
w2, h2, bpp2, b = decode(sys.argv[2])
if (w1, h1, bpp1) != (w2, h2, bpp2):
    print(f"different sizes: {w1}x{h1} vs {w2}x{h2}")
    sys.exit(0)
differ, worst = 0, 0
for ra, rb in zip(a, b):
    for x in range(w1):
        pa, pb = ra[x * bpp1:(x + 1) * bpp1], rb[x * bpp1:(x + 1) * bpp1]
        if pa != pb:
            differ += 1
            worst = max(worst, max(abs(p - q) for p, q in zip(pa, pb)))
print("pixel-identical" if differ == 0 else f"{differ} of {w1 * h1} pixels differ (max channel difference {worst})")
