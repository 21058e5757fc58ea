# Writes the blosc fixtures of BloscTest with numcodecs 0.16.5 (c-blosc 1.21): python3 make-fixtures.py
import numpy as np
from numcodecs import Blosc
rng = np.random.default_rng(7)
n = 5003
a = (((np.arange(n)//5) % 300) * 7 + rng.integers(0, 2, n)).astype('<u2')
open('raw-u2.bin','wb').write(a.tobytes())
for cname in ['lz4','lz4hc','zstd','zlib','blosclz']:
    for sh, nm in [(0,'noshuffle'),(1,'shuffle'),(2,'bitshuffle')]:
        open(f'{cname}-{nm}.blosc','wb').write(Blosc(cname=cname, clevel=5, shuffle=sh, blocksize=2048).encode(a))
b4 = (np.arange(1001, dtype='<u4') // 3).astype('<u4')
open('raw-u4.bin','wb').write(b4.tobytes())
open('lz4-bitshuffle-u4.blosc','wb').write(Blosc(cname='lz4', shuffle=2, blocksize=0).encode(b4))
open('zstd-shuffle-u4.blosc','wb').write(Blosc(cname='zstd', shuffle=1, blocksize=0).encode(b4))
r = rng.integers(0, 256, 3000, dtype=np.uint8)
open('raw-random.bin','wb').write(r.tobytes())
open('lz4-random.blosc','wb').write(Blosc(cname='lz4', shuffle=0).encode(r))
