#!/usr/bin/env python3
"""Independent count of a .tflite model's parameters, MACs and weight bytes, from flatc's JSON dump.

Not part of the test suite: it cross-checks FitCheck's FlatBuffer reader against flatc's, once, by hand.

    flatc --json --strict-json --raw-binary --defaults-json -o out schema.fbs -- model.tflite
    python3 count_from_flatc.py out/model.json schema.fbs

schema.fbs is TensorFlow Lite's (tensorflow/compiler/mlir/lite/schema/schema.fbs); flatc 2.0 needs its
`(deprecated)` markers on REDUCE_WINDOW / ReduceWindowOptions removed. Conventions, as in FitCheck's README:
parameters are the elements of constant tensors an operator computes with (not shapes, axes, paddings);
MACs are one per weight per output position; weight bytes are the byte lengths of the distinct constant
buffers subgraph 0's operators read.
"""
import json
import math
import sys

# Input slots that configure an operator rather than compute with it.
CONFIG = {
    "RESHAPE": {1}, "EXPAND_DIMS": {1}, "SPLIT": {0}, "SPLIT_V": {1, 2}, "STRIDED_SLICE": {1, 2, 3}, "SLICE": {1, 2},
    "GATHER": {1}, "PAD": {1}, "PADV2": {1, 2}, "MIRROR_PAD": {1}, "TRANSPOSE": {1}, "MEAN": {1}, "SUM": {1},
    "REDUCE_MAX": {1}, "RESIZE_BILINEAR": {1}, "RESIZE_NEAREST_NEIGHBOR": {1}, "TRANSPOSE_CONV": {0},
    "TFLite_Detection_PostProcess": {2},
}


def prod(xs):
    return math.prod(xs) if xs else 1


def builtin_names(schema):
    text = open(schema).read()
    body = text[text.index("enum BuiltinOperator"):]
    body = body[body.index("{") + 1:body.index("}")]
    names = {}
    for line in body.splitlines():
        line = line.split("//")[0].strip()
        if "=" in line:
            k, v = line.split("=")
            names[int(v.split("(")[0].strip().rstrip(","))] = k.strip()
    return [names.get(i, "") for i in range(max(names) + 1)]


def main(path, schema):
    m = json.load(open(path))
    names = builtin_names(schema)
    codes = []
    for c in m["operator_codes"]:
        # Old files set only the int8 deprecated field; flatc then shows builtin_code as its default, ADD (0).
        code = max(c.get("deprecated_builtin_code", 0), names.index(c.get("builtin_code", "ADD")))
        codes.append(c.get("custom_code") if names[code] == "CUSTOM" else names[code])
    g = m["subgraphs"][0]
    tensors = g["tensors"]
    bufs = m["buffers"]

    def const(i):
        b = tensors[i].get("buffer", 0)
        return b > 0 and len(bufs[b].get("data", [])) > 0

    derived = set(i for i in range(len(tensors)) if const(i))
    params = macs = 0
    seen_buffers = set()
    weight_bytes = 0
    for op in g["operators"]:
        name = codes[op.get("opcode_index", 0)]
        ins = op.get("inputs", [])
        outs = op.get("outputs", [])
        for i in ins:
            if i >= 0 and i in derived:
                b = tensors[i].get("buffer", 0)
                if b > 0 and len(bufs[b].get("data", [])) > 0 and b not in seen_buffers:
                    seen_buffers.add(b)
                    weight_bytes += len(bufs[b]["data"])
        present = [i for i in ins if i >= 0]
        if present and all(i in derived for i in present):
            derived.update(outs)  # weight preparation (fp16 DEQUANTIZE), not a layer
            continue
        shape = lambda i: tensors[i].get("shape", [])
        for slot, i in enumerate(ins):
            if i >= 0 and i in derived and slot not in CONFIG.get(name, set()):
                params += prod(shape(i))
        out = prod(shape(outs[0])) if outs else 0
        if name == "CONV_2D":
            f = shape(ins[1]); macs += out * f[1] * f[2] * f[3]
        elif name == "DEPTHWISE_CONV_2D":
            f = shape(ins[1]); macs += out * f[1] * f[2]
        elif name == "FULLY_CONNECTED":
            macs += out * shape(ins[1])[-1]
        elif name == "TRANSPOSE_CONV":
            f = shape(ins[1]); macs += prod(shape(ins[2])) * f[0] * f[1] * f[2]
        elif name == "Convolution2DTransposeBias":
            f = shape(ins[1]); macs += prod(shape(ins[0])) * f[0] * f[1] * f[2]
        elif name == "BATCH_MATMUL":
            a = shape(ins[0]); adj = op.get("builtin_options", {}).get("adj_x", False)
            macs += out * (a[-2] if adj else a[-1])
        elif name == "UNIDIRECTIONAL_SEQUENCE_LSTM":
            x = shape(ins[0]); steps = prod(x) // x[-1]
            macs += steps * sum(prod(shape(ins[s])) for s in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 16] if s < len(ins) and ins[s] >= 0)
    print(json.dumps({"parameters": params, "macs": macs, "weightBytes": weight_bytes}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
