# Attack round 7 (batch): one file whose answers make the judge large for the whole batch.  Every value the checks
# read stays in the judge, decoded, until the batch ends when a roster is given (grader/judge/batch.py keeps an
# Answered per submission for the copy detection, grader/judge/copies.py).  Each answer below is within the wire's
# bounds (at most 1,000,000 values and 16 MiB a reply) and decodes into tens of MiB of Python objects: short
# distinct strings, about 60 bytes each once decoded against 8 on the wire.
N = 990_000 // 2


def _strings(tag):
    return [f"{tag}{i:x}" for i in range(N)]


q1_answer = _strings("a")
q3_shapes = _strings("b")
q3_flatten_features = _strings("c")
q4_conv_params = _strings("d")
q4_cnn_params = _strings("e")
q4_fcnn_params = _strings("f")
q6_output = _strings("g")
q9_true = set(_strings("h"))
q10_answers = _strings("i")
