# Draws the icon set's bitmaps in plain Python (no image library needed): app/apple-icon.png
# (180 px) and app/favicon.ico (a 32 px RGBA PNG inside an ICO), the same shelf as app/icon.svg.
import struct
import zlib

BG = (0xB4, 0x54, 0x2D, 255)
LIGHT = (0xFB, 0xFA, 0xF7, 255)
SOFT = (0xF6, 0xE7, 0xDF, 255)
# x, y, width, height on the 64-unit grid of icon.svg
RECTS = [(14, 16, 8, 32, LIGHT), (25, 12, 8, 36, SOFT), (36, 18, 7, 30, LIGHT), (11, 48, 42, 4, LIGHT)]


def png(size):
    scale = size / 64
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            colour = BG
            for rx, ry, rw, rh, c in RECTS:
                if rx <= x / scale < rx + rw and ry <= y / scale < ry + rh:
                    colour = c
            row += bytes(colour)
        rows.append(bytes(row))

    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) + chunk(b'IDAT', zlib.compress(b''.join(rows), 9)) + chunk(b'IEND', b'')


with open('app/apple-icon.png', 'wb') as f:
    f.write(png(180))
small = png(32)
with open('app/favicon.ico', 'wb') as f:
    f.write(struct.pack('<HHH', 0, 1, 1) + struct.pack('<BBBBHHII', 32, 32, 0, 0, 1, 32, len(small), 22) + small)
