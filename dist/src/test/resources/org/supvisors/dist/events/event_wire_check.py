"""Checks the wire format of a Supvisors event publisher as 0.19's subscribers read it.

usage: event_wire_check.py MODE HOST PORT PROCESS
  MODE ws-raw       WebSocket by hand (socket, handshake, frames): path /event/process
       ws-websockets  the 'websockets' library, as 0.19's WsEventSubscriber uses it
       zmq-raw      ZeroMQ by hand (ZMTP 3.0, NULL mechanism, SUB): subscribes to 'event' and 'process'
       zmq-pyzmq    pyzmq, as 0.19's ZmqEventSubscriber uses it (recv_string, recv_json)
Prints READY once subscribed, then reads until it has an 'event' message of PROCESS in state STARTING (10) and
the 'process' message that follows it; prints one line 'OK <topic> <keys>' per message and exits 0. Exits 1 with
a reason on anything malformed, 2 when the mode's library is missing.
"""
import base64
import hashlib
import json
import os
import socket
import struct
import sys

MODE, HOST, PORT, PROCESS = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
TOPICS = ('event', 'process')


def fail(reason):
    print('FAIL ' + reason, flush=True)
    sys.exit(1)


def check(topic, body, state):
    """Checks one message; returns the new state: None, 'event seen', 'done'."""
    if topic not in TOPICS:
        fail('topic %r not subscribed' % topic)
    if not isinstance(body, dict):
        fail('body %r is not a JSON object' % body)
    if topic == 'event' and body.get('name') == PROCESS and body.get('state') == 10:
        print('OK event ' + ','.join(body.keys()), flush=True)
        return 'event seen'
    if topic == 'process' and state == 'event seen' and body.get('process_name') == PROCESS:
        print('OK process ' + ','.join(body.keys()), flush=True)
        return 'done'
    return state


def ws_raw():
    sock = socket.create_connection((HOST, PORT), timeout=30)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall(('GET /event/process HTTP/1.1\r\nHost: %s:%d\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n'
                  'Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n' % (HOST, PORT, key)).encode())
    stream = sock.makefile('rb')
    status = stream.readline()
    if not status.startswith(b'HTTP/1.1 101'):
        fail('handshake answer %r' % status)
    expected = base64.b64encode(hashlib.sha1((key + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').encode()).digest())
    accepted = False
    while True:
        line = stream.readline()
        if line in (b'\r\n', b''):
            break
        name, _, value = line.decode().partition(':')
        accepted |= name.lower() == 'sec-websocket-accept' and value.strip().encode() == expected
    if not accepted:
        fail('no valid Sec-WebSocket-Accept')
    print('READY', flush=True)
    state = None
    while state != 'done':
        first, second = stream.read(2)
        length = second & 0x7f
        if second & 0x80:
            fail('masked server frame')
        if length == 126:
            length = struct.unpack('>H', stream.read(2))[0]
        elif length == 127:
            length = struct.unpack('>Q', stream.read(8))[0]
        payload = stream.read(length)
        opcode = first & 0x0f
        if opcode == 9:   # ping: answer it, masked
            mask = os.urandom(4)
            sock.sendall(bytes([0x8a, 0x80 | len(payload)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
            continue
        if opcode != 1 or not first & 0x80:
            fail('frame %x (expected: one final text frame per message)' % first)
        message = json.loads(payload.decode('utf-8'))
        if not isinstance(message, list) or len(message) != 2 or not isinstance(message[0], str):
            fail('message %r (expected: [topic, body])' % message)
        state = check(message[0], message[1], state)


def ws_websockets():
    try:
        import asyncio
        import websockets
    except ImportError:
        sys.exit(2)

    async def run():
        async with websockets.connect('ws://%s:%d/%s' % (HOST, PORT, '/'.join(TOPICS)), open_timeout=5) as ws:
            print('READY', flush=True)
            state = None
            while state != 'done':
                header, body = json.loads(await asyncio.wait_for(ws.recv(), timeout=30))
                state = check(header, body, state)
    asyncio.run(run())


def zmq_raw():
    sock = socket.create_connection((HOST, PORT), timeout=30)
    # greeting: signature, version 3.0, mechanism NULL, as-server 0, filler
    sock.sendall(b'\xff' + b'\x00' * 8 + b'\x7f' + b'\x03\x00' + b'NULL'.ljust(20, b'\x00') + b'\x00' + b'\x00' * 31)
    stream = sock.makefile('rb')
    greeting = stream.read(64)
    if greeting[0] != 0xff or greeting[9] != 0x7f or greeting[10] != 3 or greeting[12:16] != b'NULL':
        fail('ZMTP greeting %r' % greeting)
    body = b'\x05READY' + b'\x0bSocket-Type' + struct.pack('>I', 3) + b'SUB'
    sock.sendall(bytes([0x04, len(body)]) + body)

    def frame():
        flags = stream.read(1)[0]
        size = struct.unpack('>Q', stream.read(8))[0] if flags & 0x02 else stream.read(1)[0]
        return flags, stream.read(size)

    flags, command = frame()
    if not flags & 0x04 or not command.startswith(b'\x05READY') or b'PUB' not in command:
        fail('ZMTP READY %r (expected: a PUB peer)' % command)
    for topic in TOPICS:  # subscription messages: 0x01 + prefix
        message = b'\x01' + topic.encode()
        sock.sendall(bytes([0x00, len(message)]) + message)
    print('READY', flush=True)
    state = None
    while state != 'done':
        flags, header = frame()
        if not flags & 0x01:
            fail('single-part message %r (expected: topic, then body)' % header)
        flags, body = frame()
        if flags & 0x01:
            fail('more than two parts after %r' % header)
        state = check(header.decode('utf-8'), json.loads(body.decode('utf-8')), state)


def zmq_pyzmq():
    try:
        import zmq
    except ImportError:
        sys.exit(2)
    context = zmq.Context.instance()
    sub = context.socket(zmq.SUB)
    for topic in TOPICS:
        sub.setsockopt(zmq.SUBSCRIBE, topic.encode('utf-8'))
    sub.setsockopt(zmq.RCVTIMEO, 30000)
    sub.connect('tcp://%s:%d' % (HOST, PORT))
    print('READY', flush=True)
    state = None
    while state != 'done':
        header = sub.recv_string()
        body = sub.recv_json()
        state = check(header, body, state)
    sub.close(0)


{'ws-raw': ws_raw, 'ws-websockets': ws_websockets, 'zmq-raw': zmq_raw, 'zmq-pyzmq': zmq_pyzmq}[MODE]()
