#!/usr/bin/env python3
"""Writes N Zendesk-signed ticket webhooks, one per line: timestamp TAB signature TAB body.

Each has a fresh event id and its own event time (the body's "time", with milliseconds), 40 to
the millisecond from now on, as events happening one after another carry. All are signed with
the same timestamp (now), which Tidings accepts for 5 minutes, so the file serves one benchmark run. Used by bench/zendesk-signed.lua (wrk).
usage: zendesk-signed-requests.py SECRET N OUT
"""
import base64
import datetime
import hashlib
import hmac
import sys
import uuid

secret, count, out = sys.argv[1].encode(), int(sys.argv[2]), sys.argv[3]
now = datetime.datetime.now(datetime.timezone.utc)
stamp = now.strftime('%Y-%m-%dT%H:%M:%SZ')
with open(out, 'w') as lines:
    for i in range(count):
        happened = (now + datetime.timedelta(microseconds=25 * i)).strftime('%Y-%m-%dT%H:%M:%S.%f')[:-3] + 'Z'
        body = ('{"type":"zen:event-type:ticket.status_changed","id":"%s","time":"%s","subject":"zen:ticket:%d",'
                '"detail":{"id":"%d","requester_id":"%d","status":"SOLVED"},'
                '"event":{"current":"SOLVED","previous":"OPEN"}}'
                % (uuid.uuid4(), happened, 100000 + i, 100000 + i, 900000 + i % 1000))
        signature = base64.b64encode(hmac.new(secret, (stamp + body).encode(), hashlib.sha256).digest()).decode()
        lines.write(stamp + '\t' + signature + '\t' + body + '\n')
