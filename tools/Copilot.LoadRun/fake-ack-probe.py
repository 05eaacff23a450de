#!/usr/bin/env python3
"""Where the fake model's streamed reply waits: times its pieces as a client sees them on a reused connection, with and
without TCP_QUICKACK on the client (acknowledge at once rather than after the delayed-ACK timer). The fake writes its
headers and each chunk as separate small writes without TCP_NODELAY, so Nagle holds the second write until the first is
acknowledged; if quick ACKs make the wait vanish, it is the fake's socket and the loopback, not the service.
Usage: python3 ../shared/tools/fake-openai.py 18931 200 & python3 tools/Copilot.LoadRun/fake-ack-probe.py 18931"""
import socket, time, json, sys
PORT=int(sys.argv[1])
def req(stream):
    body=json.dumps({"model":"fake-model","stream":stream,"messages":[{"role":"user","content":"证券公司能不能向客户承诺收益？"}]}).encode()
    return b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body) + body
def run(stream, quickack, n=8):
    s=socket.create_connection(("127.0.0.1",PORT)); s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    res=[]
    for i in range(n):
        s.sendall(req(stream)); t0=time.perf_counter(); buf=b""; marks={}
        while True:
            if quickack: s.setsockopt(socket.IPPROTO_TCP, 12, 1)  # TCP_QUICKACK: ack at once, not after the delayed-ACK timer
            d=s.recv(65536); t=time.perf_counter()-t0; buf+=d
            if b"\r\n\r\n" in buf and "headers" not in marks: marks["headers"]=t
            if b'"content"' in buf and "first" not in marks: marks["first"]=t
            if (stream and buf.endswith(b"0\r\n\r\n")) or (not stream and b"\r\n\r\n" in buf and buf.split(b"\r\n\r\n",1)[1].endswith(b"}")):
                marks["end"]=t; break
        if i>0: res.append(marks)
    s.close()
    med=lambda k: sorted(m[k] for m in res)[len(res)//2]*1000-200
    print(f"stream={stream!s:5} quickack={quickack!s:5}  headers {med('headers'):6.1f}  first content {med('first'):6.1f}  end {med('end'):6.1f}  (ms after the 200 ms delay, median of {len(res)})")
for stream in (True, False):
    for q in (False, True): run(stream, q)
