"""Burns a known share of one core and holds a known amount of memory, for the collector's tests.

usage: python3 burner.py MEBIBYTES DUTY
Allocates MEBIBYTES MiB (every page written, so resident), prints "ready", then in every 100 ms window spins
for DUTY x 100 ms and sleeps for the rest, until killed.
"""
import sys
import time

mebibytes = int(sys.argv[1])
duty = float(sys.argv[2])
data = bytearray(b'\x01') * (mebibytes << 20)
# one write of the whole line: the two burners of a tree share their output pipe
sys.stdout.write("ready\n")
sys.stdout.flush()
window = 0.1
while True:
    start = time.monotonic()
    while time.monotonic() - start < duty * window:
        pass
    time.sleep(max(0.0, window - (time.monotonic() - start)))
