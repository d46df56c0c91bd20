"""An ordinary Python XML-RPC client for the compatibility tests.

Usage: python3 client.py URL < calls
Each input line is a Python literal: ("method.name", [params...]). All calls go through one ServerProxy,
hence one keep-alive connection. One output line per call:
  OK <repr of the result>
  FAULT <faultCode> <faultString>
  PROTOCOL <errcode> <errmsg>
  ERROR <exception type> <message>
then a last line: TIMES <milliseconds of each call, space separated>.
"""
import ast
import sys
import time
import xmlrpc.client

proxy = xmlrpc.client.ServerProxy(sys.argv[1], allow_none=True, use_builtin_types=True)
times = []
for line in sys.stdin:
    line = line.strip()
    if not line:
        continue
    name, params = ast.literal_eval(line)
    start = time.perf_counter()
    try:
        result = getattr(proxy, name)(*params)
        print("OK", repr(result))
    except xmlrpc.client.Fault as fault:
        print("FAULT", fault.faultCode, fault.faultString)
    except xmlrpc.client.ProtocolError as error:
        print("PROTOCOL", error.errcode, error.errmsg)
    except Exception as error:
        print("ERROR", type(error).__name__, error)
    times.append((time.perf_counter() - start) * 1000)
    sys.stdout.flush()
print("TIMES", " ".join("%.2f" % t for t in times))
