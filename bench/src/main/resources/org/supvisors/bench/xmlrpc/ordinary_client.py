"""The "ordinary client" of the XML-RPC benchmark: Python's xmlrpc.client.ServerProxy, as a user would write it.

Usage: python3 ordinary_client.py URL METHOD WARMUP CALLS
Calls METHOD (no parameters) WARMUP times, then CALLS times, each timed with perf_counter: the time includes what
the ordinary client does (marshalling, HTTP, unmarshalling into Python objects). During the warm-up only, it counts
the socket writes of http.client per call; over all calls, the TCP connections it used (local ports).
Output lines: CONNECTIONS n, WRITES_PER_CALL w, NODELAY 0|1, RESULT <len of the answer or fsm_statename>,
WALL <seconds of the timed series>, TIMES <milliseconds of each timed call>.
"""
import http.client
import socket
import sys
import time
import xmlrpc.client

url, method, warmup, calls = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
proxy = xmlrpc.client.ServerProxy(url)
call = getattr(proxy, method)
transport = proxy._ServerProxy__transport
ports = set()


def remember_port():
    connection = transport._connection[1]
    if connection is not None and connection.sock is not None:
        ports.add(connection.sock.getsockname()[1])


writes = [0]
plain_send = http.client.HTTPConnection.send


def counting_send(self, data):
    writes[0] += 1
    return plain_send(self, data)


http.client.HTTPConnection.send = counting_send
for _ in range(warmup):
    call()
    remember_port()
http.client.HTTPConnection.send = plain_send
nodelay = transport._connection[1].sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)

times = []
result = None
wall = time.perf_counter()
for _ in range(calls):
    start = time.perf_counter()
    result = call()
    times.append((time.perf_counter() - start) * 1000)
    remember_port()
wall = time.perf_counter() - wall

print("CONNECTIONS", len(ports))
print("WRITES_PER_CALL", "%.2f" % (writes[0] / warmup if warmup else 0))
print("NODELAY", 1 if nodelay else 0)
print("RESULT", result["fsm_statename"] if isinstance(result, dict) and "fsm_statename" in result else len(result))
print("WALL", "%.6f" % wall)
print("TIMES", " ".join("%.4f" % t for t in times))
