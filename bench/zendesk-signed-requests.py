#!/usr/bin/env python3
"""Writes N Zendesk-signed ticket webhooks, one per line: timestamp TAB signature TAB body.

Each has a fresh event id; all carry the same timestamp (now), which Tidings accepts for 5
minutes, so the file serves one benchmark run. Used by bench/zendesk-signed.lua (wrk).
usage: zendesk-signed-requests.py SECRET N OUT
"""
import base64
import datetime
import hashlib
import hmac
import sys
import uuid

secret, count, out = sys.argv[1].encode(), int(sys.argv[2]), sys.argv[3]
stamp = datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
with open(out, 'w') as lines:
    for i in range(count):
        body = ('{"type":"zen:event-type:ticket.status_changed","id":"%s","time":"%s","subject":"zen:ticket:%d",'
                '"detail":{"id":"%d","requester_id":"%d","status":"SOLVED"},'
                '"event":{"current":"SOLVED","previous":"OPEN"}}'
                % (uuid.uuid4(), stamp, 100000 + i, 100000 + i, 900000 + i % 1000))
        signature = base64.b64encode(hmac.new(secret, (stamp + body).encode(), hashlib.sha256).digest()).decode()
        lines.write(stamp + '\t' + signature + '\t' + body + '\n')
