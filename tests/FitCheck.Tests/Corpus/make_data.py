# Writes Corpus/Data: each hand-designed hostile case with its expected exit code and diagnostic id
# (expected.tsv). Run `python3 make_data.py` after editing a case; the test reads only the files.
import os
D = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Data")
os.makedirs(D, exist_ok=True)
exp = []
def w(name, content, exit=2, id="-", reason=""):
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    open(os.path.join(D, name), "wb").write(data)
    exp.append(f"{name}\t{exit}\t{id}\t{reason}".rstrip())

ACC = """accelerators:
  - name: npu
    compute: 4 TOPS
    utilization: 50%
    overlap: pipelined
    memory:
      - name: sram
        size: 8 MiB
        bandwidth: 100 GB/s
      - name: dram
        size: 1 GiB
        bandwidth: 10 GB/s
"""
MODEL = """models:
  - name: net
    source: zoo:resnet50
    resolutions: [224x224]
    precision: int8
    batch: 1
    deploy: [npu]
    gates:
      weights: anywhere
      activations: on-chip
      headroom: 10%
"""
BASE = "version: 1\n" + ACC + MODEL
def model(src="zoo:resnet50", res="[224x224]", batch="1", extra=""):
    return "version: 1\n" + ACC + f"""models:
  - name: net
    source: {src}
    resolutions: {res}
    batch: {batch}
    deploy: [npu]
    gates:
      weights: anywhere
      activations: on-chip
{extra}"""

# --- valid baselines (documented verdicts)
w("valid-base.yml", BASE, 0, "-", "ResNet-50 224x224: 1.5 MB arena fits 8 MiB SRAM, 25 MB weights fit 1 GiB")
w("valid-bom.yml", b"\xef\xbb\xbf" + BASE.encode(), 0, "-", "a UTF-8 byte-order mark is allowed and skipped")
w("valid-crlf.yml", BASE.replace("\n", "\r\n"), 0, "-", "CRLF line endings are YAML line breaks")
w("valid-fails-gate.yml", model(src="zoo:yolov3", res="[608x608]"), 1, "-", "YOLOv3 608x608 activations (17.7 MB) exceed 8 MiB on chip")
w("valid-huge-resolution.yml", model(res="[65536x65536]"), 1, "-", "65536 is the largest side allowed; ResNet-50 builds there and its arena does not fit")
w("valid-comments-only-tail.yml", BASE + "# trailing comment\n" * 50, 0, "-", "comments are ignored")
w("valid-flow-style.yml", 'version: 1\naccelerators: [{name: npu, compute: 4 TOPS, memory: [{name: sram, size: 8 MiB, bandwidth: 100 GB/s}, {name: dram, size: 1 GiB, bandwidth: 10 GB/s}]}]\nmodels: [{source: zoo:resnet50, deploy: [npu], gates: {activations: on-chip}}]\n', 0, "-", "flow style is plain YAML")
w("valid-quoted-values.yml", BASE.replace("size: 8 MiB", 'size: "8 MiB"').replace("version: 1", "version: '1'"), 0, "-", "quoted scalars read like plain ones")
w("valid-unicode-names.yml", BASE.replace("name: net", "name: \"réseau-检测\""), 0, "-", "names may be any Unicode text")
w("valid-document-marker.yml", "---\n" + BASE + "...\n", 0, "-", "one explicit document is one document")

# --- YAML syntax
w("tab-indent.yml", BASE.replace("    compute: 4 TOPS", "\tcompute: 4 TOPS"), 2, "FC0101")
w("tab-indent-deep.yml", BASE.replace("        size: 8 MiB", "\t\tsize: 8 MiB"), 2, "FC0101")
w("unclosed-flow.yml", BASE.replace("[224x224]", "[224x224"), 2, "FC0101")
w("unclosed-mapping.yml", "version: 1\naccelerators: [{name: npu\n", 2, "FC0101")
w("unclosed-quote.yml", BASE.replace("name: net", 'name: "net'), 2, "FC0101")
w("unclosed-single-quote.yml", BASE.replace("name: net", "name: 'net"), 2, "FC0101")
w("bad-indent.yml", BASE.replace("      - name: dram", "     - name: dram"), 2, "FC0101")
w("colon-in-value.yml", BASE.replace("source: zoo:resnet50", "source: zoo: resnet50"), 2, "FC0101")
w("stray-dash.yml", BASE.replace("    compute: 4 TOPS", "    - compute: 4 TOPS"), 2, "FC0101")
w("only-scalar.yml", "just a string\n", 2, "FC0107")
w("root-list.yml", "- version: 1\n", 2, "FC0107")
w("empty.yml", "", 2, "FC0102")
w("whitespace-only.yml", "   \n\n  \n", 2, "FC0102")
w("comment-only.yml", "# nothing here\n", 2, "FC0102")
w("null-root.yml", "~\n", 2, "FC0102")
w("two-documents.yml", BASE + "---\n" + BASE, 2, "FC0106")
w("directive-only.yml", "%YAML 1.2\n---\n", 2, "FC0102")
w("bad-directive.yml", "%YAML 9.9\n---\n" + BASE, 2, "FC0101")
w("anchor.yml", BASE.replace("size: 8 MiB", "size: &s 8 MiB"), 2, "FC0104")
w("alias.yml", BASE.replace("deploy: [npu]", "deploy: [*npu]"), 2, "FC0104")
w("merge-key.yml", BASE.replace("    compute: 4 TOPS", "    <<: {compute: 4 TOPS}"), 2, "FC0108")
bomb = "version: 1\na: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(f"{chr(98+i)}: &{chr(98+i)} [*{chr(97+i)},*{chr(97+i)},*{chr(97+i)},*{chr(97+i)},*{chr(97+i)},*{chr(97+i)},*{chr(97+i)},*{chr(97+i)},*{chr(97+i)}]\n" for i in range(9))
w("billion-laughs.yml", bomb, 2, "FC0104")
w("tag-binary.yml", BASE.replace("name: net", "name: !!binary aGVsbG8="), 0, "-", "YAML tags are ignored; the name is read as written")
w("tag-custom.yml", BASE.replace("size: 8 MiB", "size: !bytes 8 MiB"), 0, "-", "YAML tags are ignored; the size is read as written")
w("complex-key.yml", BASE.replace("version: 1", "? [version]\n: 1"), 2, "-")
w("nul-in-text.yml", BASE.replace("precision: int8", "precision: int\x008"), 2, "FC0101")
w("nul-escape-in-string.yml", BASE.replace("name: net", 'name: "n\\0et"').replace("batch: 1", "batch: 0"), 2, "FC0121")
w("control-chars.yml", BASE.replace("name: net", "name: n\x07et\x1b[31m"), 2, "FC0101")
w("double-bom.yml", b"\xef\xbb\xbf\xef\xbb\xbf" + BASE.encode(), 2, "-")
w("bom-midfile.yml", BASE.replace("models:", "\ufeffmodels:"), 2, "-")

# --- encodings
w("utf16le-bom.yml", b"\xff\xfe" + BASE.encode("utf-16-le"), 2, "FC0003")
w("utf16be-bom.yml", b"\xfe\xff" + BASE.encode("utf-16-be"), 2, "FC0003")
w("utf16le-no-bom.yml", BASE.encode("utf-16-le"), 2, "FC0101")
w("utf32le-bom.yml", b"\xff\xfe\x00\x00" + BASE.encode("utf-32-le"), 2, "FC0003")
w("latin1.yml", BASE.replace("name: net", "name: réseau").encode("latin-1"), 2, "FC0003")
w("overlong-utf8.yml", BASE.encode().replace(b"name: net", b"name: n\xc0\xafet"), 2, "FC0003")
w("surrogate-utf8.yml", BASE.encode().replace(b"name: net", b"name: n\xed\xa0\x80et"), 2, "FC0003")
w("truncated-utf8.yml", BASE.encode() + b"# \xe2\x82", 2, "FC0003")
w("binary-garbage.yml", bytes(range(256)) * 4, 2, "-")
w("gzip-header.yml", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"\x00" * 20, 2, "-")

# --- schema: keys
w("unknown-root-key.yml", BASE + "extra: 1\n", 2, "FC0108")
w("misspelt-root-key.yml", BASE.replace("models:", "modles:"), 2, "FC0108")
w("unknown-accelerator-key.yml", BASE.replace("    compute: 4 TOPS", "    compute: 4 TOPS\n    clock: 500 MHz"), 2, "FC0108")
w("misspelt-tier-key.yml", BASE.replace("        size: 8 MiB", "        sise: 8 MiB"), 2, "FC0108")
w("unknown-model-key.yml", BASE.replace("    batch: 1", "    batch: 1\n    quantize: true"), 2, "FC0108")
w("misspelt-gate-key.yml", BASE.replace("      headroom: 10%", "      headrom: 10%"), 2, "FC0108")
w("unknown-code-key.yml", BASE.replace("    overlap: pipelined", "    overlap: pipelined\n    code:\n      runtim: 1 MiB"), 2, "FC0108")
w("dup-root-key.yml", BASE + "version: 1\n", 2, "FC0111")
w("dup-accelerator-key.yml", BASE.replace("    compute: 4 TOPS", "    compute: 4 TOPS\n    compute: 8 TOPS"), 2, "FC0111")
w("dup-tier-key.yml", BASE.replace("        size: 8 MiB", "        size: 8 MiB\n        size: 16 MiB"), 2, "FC0111")
w("dup-model-key.yml", BASE.replace("    batch: 1", "    batch: 1\n    batch: 2"), 2, "FC0111")
w("dup-gate-key.yml", BASE.replace("      headroom: 10%", "      headroom: 10%\n      headroom: 20%"), 2, "FC0111")
w("dup-key-quoted.yml", BASE.replace("    batch: 1", "    batch: 1\n    \"batch\": 2"), 2, "FC0111")
w("dup-accelerator-name.yml", BASE.replace("models:", "  - name: npu\n    compute: 1 TOPS\n    memory:\n      - name: m\n        size: 1 MiB\n        bandwidth: 1 GB/s\nmodels:"), 2, "FC0119")
w("dup-model-name.yml", BASE + MODEL.replace("models:\n", ""), 2, "FC0119")
w("dup-deploy.yml", BASE.replace("deploy: [npu]", "deploy: [npu, npu]"), 2, "FC0119")
w("missing-version.yml", BASE.replace("version: 1\n", ""), 2, "FC0109")
w("missing-accelerators.yml", "version: 1\n" + MODEL, 2, "FC0109")
w("missing-models.yml", "version: 1\n" + ACC, 2, "FC0109")
w("missing-compute.yml", BASE.replace("    compute: 4 TOPS\n", ""), 2, "FC0109")
w("missing-memory.yml", BASE.replace("    memory:\n      - name: sram\n        size: 8 MiB\n        bandwidth: 100 GB/s\n      - name: dram\n        size: 1 GiB\n        bandwidth: 10 GB/s\n", ""), 2, "FC0109")
w("missing-size.yml", BASE.replace("        size: 8 MiB\n", ""), 2, "FC0109")
w("missing-source.yml", BASE.replace("    source: zoo:resnet50\n", ""), 2, "FC0109")
w("missing-deploy.yml", BASE.replace("    deploy: [npu]\n", ""), 2, "FC0109")
w("version-2.yml", BASE.replace("version: 1", "version: 2"), 2, "FC0112")
w("version-float.yml", BASE.replace("version: 1", "version: 1.0"), 2, "FC0112")
w("version-huge.yml", BASE.replace("version: 1", "version: 99999999999999999999999999"), 2, "FC0112")
w("version-list.yml", BASE.replace("version: 1", "version: [1]"), 2, "FC0110")

# --- schema: empty lists and wrong types
w("empty-models.yml", "version: 1\n" + ACC + "models: []\n", 2, "FC0122")
w("empty-accelerators.yml", "version: 1\naccelerators: []\n" + MODEL, 2, "FC0122")
w("empty-memory.yml", BASE.replace("    memory:\n      - name: sram", "    memory: []\n    unused:\n      - name: sram"), 2, "-")
w("empty-deploy.yml", BASE.replace("deploy: [npu]", "deploy: []"), 2, "FC0122")
w("empty-resolutions.yml", BASE.replace("resolutions: [224x224]", "resolutions: []"), 2, "FC0122")
w("null-models.yml", "version: 1\n" + ACC + "models:\n", 2, "FC0110")
w("models-mapping.yml", "version: 1\n" + ACC + "models:\n  net: zoo:resnet50\n", 2, "FC0110")
w("models-scalar.yml", "version: 1\n" + ACC + "models: zoo:resnet50\n", 2, "FC0110")
w("accelerator-scalar.yml", "version: 1\naccelerators:\n  - npu\n" + MODEL, 2, "FC0110")
w("gates-list.yml", BASE.replace("    gates:\n      weights: anywhere\n      activations: on-chip\n      headroom: 10%\n", "    gates: [on-chip]\n"), 2, "FC0110")
w("size-list.yml", BASE.replace("size: 8 MiB", "size: [8 MiB]"), 2, "FC0110")
w("deploy-scalar.yml", BASE.replace("deploy: [npu]", "deploy: npu"), 2, "FC0110")
w("deploy-unknown.yml", BASE.replace("deploy: [npu]", "deploy: [nppu]"), 2, "FC0120")
w("deploy-nested-list.yml", BASE.replace("deploy: [npu]", "deploy: [[npu]]"), 2, "FC0110")
w("source-empty.yml", BASE.replace("source: zoo:resnet50", "source: ''"), 2, "FC0124")
w("source-null.yml", BASE.replace("source: zoo:resnet50", "source:"), 2, "FC0124")
w("name-empty-string.yml", BASE.replace("name: net", 'name: ""'), 2, "FC0124")

# --- values
w("size-1e400.yml", BASE.replace("size: 8 MiB", "size: 1e400 MiB"), 2, "-")
w("size-nan.yml", BASE.replace("size: 8 MiB", "size: NaN MiB"), 2, "-")
w("size-minus-zero.yml", BASE.replace("size: 8 MiB", "size: -0 MiB"), 2, "-")
w("size-negative.yml", BASE.replace("size: 8 MiB", "size: -8 MiB"), 2, "-")
w("size-no-unit.yml", BASE.replace("size: 8 MiB", "size: 8388608"), 2, "FC0113")
w("size-wrong-unit.yml", BASE.replace("size: 8 MiB", "size: 8 GB/s"), 2, "FC0114")
w("size-unknown-unit.yml", BASE.replace("size: 8 MiB", "size: 8 Mib"), 2, "FC0115")
w("size-comma.yml", BASE.replace("size: 8 MiB", "size: 8,5 MiB"), 2, "-")
w("size-overflow.yml", BASE.replace("size: 8 MiB", "size: 99999999999 EiB"), 2, "-")
w("size-fraction-byte.yml", BASE.replace("size: 8 MiB", "size: 0.5 B"), 1, "-", "0.5 B rounds up to a 1-byte tier, which the arena does not fit")
w("tiles-overflow.yml", BASE.replace("        size: 8 MiB", "        size: 8 EiB\n        tiles: 2147483647"), 2, "-")
w("tiles-zero.yml", BASE.replace("        size: 8 MiB", "        size: 8 MiB\n        tiles: 0"), 2, "FC0121")
w("bandwidth-zero.yml", BASE.replace("bandwidth: 100 GB/s", "bandwidth: 0 GB/s"), 2, "-")
w("bandwidth-inf.yml", BASE.replace("bandwidth: 100 GB/s", "bandwidth: .inf GB/s"), 2, "-")
w("compute-nan.yml", BASE.replace("compute: 4 TOPS", "compute: .nan TOPS"), 2, "-")
w("compute-1e400.yml", BASE.replace("compute: 4 TOPS", "compute: 1e400"), 2, "-")
w("compute-hex.yml", BASE.replace("compute: 4 TOPS", "compute: 0x10 TOPS"), 2, "-")
w("utilization-over-100.yml", BASE.replace("utilization: 50%", "utilization: 150%"), 2, "-")
w("utilization-zero.yml", BASE.replace("utilization: 50%", "utilization: 0%"), 2, "-")
w("utilization-bare.yml", BASE.replace("utilization: 50%", "utilization: 0.5"), 2, "-")
w("headroom-100.yml", BASE.replace("headroom: 10%", "headroom: 100%"), 2, "-")
w("headroom-negative.yml", BASE.replace("headroom: 10%", "headroom: -10%"), 2, "-")
w("overlap-unknown.yml", BASE.replace("overlap: pipelined", "overlap: pipelind"), 2, "FC0118")
w("precision-unknown.yml", BASE.replace("precision: int8", "precision: int4"), 2, "FC0118")
w("precision-number.yml", BASE.replace("precision: int8", "precision: 8"), 2, "FC0118")
w("kind-unknown.yml", BASE.replace("        size: 8 MiB", "        size: 8 MiB\n        kind: flash"), 2, "FC0118")
w("gate-tier-missing.yml", BASE.replace("activations: on-chip", "activations: l2"), 2, "FC0123")
w("min-fps-no-unit.yml", BASE.replace("      headroom: 10%", "      minFps: 30"), 2, "FC0113")
w("max-latency-nan.yml", BASE.replace("      headroom: 10%", "      maxLatency: NaN ms"), 2, "-")
w("batch-0.yml", model(batch="0"), 2, "FC0121")
w("batch-negative.yml", model(batch="-1"), 2, "FC0121")
w("batch-minus-zero.yml", model(batch="-0"), 2, "FC0121")
w("batch-fraction.yml", model(batch="1.5"), 2, "FC0121")
w("batch-1e400.yml", model(batch="1e400"), 2, "FC0121")
w("batch-nan.yml", model(batch=".nan"), 2, "FC0121")
w("batch-huge.yml", model(batch="4097"), 2, "FC0121")
w("batch-int64-overflow.yml", model(batch="9223372036854775808"), 2, "FC0121")
w("batch-with-unit.yml", model(batch="1 MiB"), 2, "FC0121")
w("batch-bool.yml", model(batch="true"), 2, "FC0121")

# --- resolutions
w("res-zero.yml", model(res="[0x0]"), 2, "FC0207")
w("res-negative.yml", model(res="[-224x224]"), 2, "-")
w("res-too-big.yml", model(res="[65537x65537]"), 2, "FC0207")
w("res-int-overflow.yml", model(res="[99999999999999999999x1]"), 2, "FC0207")
w("res-garbage.yml", model(res="[224by224]"), 2, "FC0206")
w("res-three-dims.yml", model(res="[224x224x3]"), 2, "FC0206")
w("res-float.yml", model(res="[224.5x224]"), 2, "FC0206")
w("res-1e400.yml", model(res="[1e400x1e400]"), 2, "FC0206")
w("res-nan.yml", model(res="[NaNxNaN]"), 2, "FC0206")
w("res-too-small-resnet.yml", model(res="[8x8]"), 2, "-")
w("res-1x1-resnet.yml", model(res="[1x1]"), 2, "-")
w("res-yolo-not-multiple-32.yml", model(src="zoo:yolov3", res="[600x600]"), 2, "FC0202")
w("res-yolo-tiny-odd.yml", model(src="zoo:yolov3-tiny", res="[417x417]"), 2, "FC0202")
w("res-vit-not-multiple-16.yml", model(src="zoo:vit-b16", res="[225x225]"), 2, "-")
w("res-unet-odd.yml", model(src="zoo:unet", res="[571x571]"), 2, "-")
w("res-huge-batch.yml", model(src="zoo:yolov3", res="[65536x65536]", batch="4096"), 1, "-", "the largest sizes, about 1e15 bytes, still fit 64-bit arithmetic; the gates fail")
w("res-scalar.yml", model(res="224x224"), 2, "FC0110")
w("res-mapping.yml", model(res="{w: 224, h: 224}"), 2, "FC0110")

# --- model sources
w("source-unknown-zoo.yml", model(src="zoo:resnet5O"), 2, "FC0201")
w("source-no-extension.yml", model(src="models/resnet"), 2, "FC0205")
w("source-missing-cfg.yml", model(src="missing.cfg"), 2, "FC0001")
w("source-missing-onnx.yml", model(src="missing.onnx"), 2, "FC0001")
w("source-directory-cfg.yml", model(src="."), 2, "FC0205")
w("source-path-traversal.yml", model(src="../../../../../../etc/passwd.cfg"), 2, "FC0001")
w("source-long-name.yml", model(src="zoo:" + "a" * 60000), 2, "FC0201")

# --- Darknet .cfg model files (each referenced by a manifest of the same stem)
def cfgcase(stem, cfg, exit=2, id="-", reason="", res="[416x416]"):
    data = cfg if isinstance(cfg, bytes) else cfg.encode()
    open(os.path.join(D, stem + ".cfg"), "wb").write(data)
    w(stem + ".yml", model(src=f"./{stem}.cfg", res=res), exit, id, reason)

NET = "[net]\nwidth=416\nheight=416\nchannels=3\n\n"
CONV = "[convolutional]\nbatch_normalize=1\nfilters=16\nsize=3\nstride=1\npad=1\nactivation=leaky\n\n"
cfgcase("cfg-valid-small", NET + CONV + "[maxpool]\nsize=2\nstride=2\n\n" + CONV, 0, "-", "a two-conv network fits easily")
cfgcase("cfg-empty", "", 2, "FC0403")
cfgcase("cfg-comments-only", "# nothing\n; still nothing\n", 2, "FC0403")
cfgcase("cfg-no-net", CONV, 2, "FC0404")
cfgcase("cfg-unterminated-header", NET + "[convolu", 2, "FC0405")
cfgcase("cfg-unknown-section", NET + "[convolutionl]\nfilters=16\n", 2, "FC0406")
cfgcase("cfg-unsupported-value", NET + CONV.replace("pad=1", "pad=1\nantialiasing=1"), 2, "FC0416")
cfgcase("cfg-unknown-key", NET + CONV.replace("filters=16", "filtres=16"), 2, "FC0408")
cfgcase("cfg-not-number", NET + CONV.replace("filters=16", "filters=sixteen"), 2, "FC0409")
cfgcase("cfg-filters-1e400", NET + CONV.replace("filters=16", "filters=1e400"), 2, "FC0409")
cfgcase("cfg-filters-zero", NET + CONV.replace("filters=16", "filters=0"), 2, "FC0410")
cfgcase("cfg-filters-negative", NET + CONV.replace("filters=16", "filters=-16"), 2, "FC0410")
cfgcase("cfg-filters-huge", NET + CONV.replace("filters=16", "filters=99999999999999999999"), 2, "-")
cfgcase("cfg-stride-zero", NET + CONV.replace("stride=1", "stride=0"), 2, "FC0410")
cfgcase("cfg-size-huge", NET + CONV.replace("size=3", "size=65536"), 2, "-")
cfgcase("cfg-route-forward", NET + CONV + "[route]\nlayers=5\n", 2, "FC0411")
cfgcase("cfg-route-before-start", NET + "[route]\nlayers=-1\n", 2, "FC0411")
cfgcase("cfg-shortcut-out-of-range", NET + CONV + "[shortcut]\nfrom=-10\nactivation=linear\n", 2, "FC0411")
cfgcase("cfg-shortcut-shape-mismatch", NET + CONV + CONV.replace("filters=16", "filters=32").replace("pad=1", "pad=0") + "[shortcut]\nfrom=-2\nactivation=linear\n", 2, "-")
cfgcase("cfg-missing-from", NET + CONV + "[shortcut]\nactivation=linear\n", 2, "FC0412")
cfgcase("cfg-no-equals", NET + "[convolutional]\nfilters 16\n", 2, "FC0413")
cfgcase("cfg-key-before-section", "width=416\n" + NET, 2, "FC0414")
cfgcase("cfg-bad-activation", NET + CONV.replace("activation=leaky", "activation=leeky"), 2, "FC0415")
cfgcase("cfg-two-nets", NET + CONV + NET, 2, "FC0418")
cfgcase("cfg-nul", (NET + CONV).encode().replace(b"filters", b"fil\x00ters"), 2, "FC0402")
cfgcase("cfg-binary", bytes(range(256)) * 8, 2, "-")
cfgcase("cfg-latin1", (NET + "# réseau\n" + CONV).encode("latin-1"), 0, "-", "comments are not read, so a Latin-1 byte in one is harmless")
cfgcase("cfg-latin1-key", (NET + CONV.replace("filters=16", "filtérs=16")).encode("latin-1"), 2, "FC0408")
cfgcase("cfg-bom", b"\xef\xbb\xbf" + (NET + CONV).encode(), 0, "-", "a UTF-8 BOM is skipped")
cfgcase("cfg-utf16", b"\xff\xfe" + (NET + CONV).encode("utf-16-le"), 0, "-", "a UTF-16 BOM is honoured by the reader")
cfgcase("cfg-crlf", (NET + CONV).replace("\n", "\r\n"), 0, "-", "CRLF line endings are read as line breaks")
cfgcase("cfg-tiny-input", NET.replace("416", "4") + CONV + "[maxpool]\nsize=2\nstride=2\n\n" * 5 + CONV, 0, "-", "Darknet maxpool pads, so a 1x1 map stays 1x1", res="[4x4]")
cfgcase("cfg-width-zero", NET.replace("width=416", "width=0") + CONV, 2, "FC0410")
cfgcase("cfg-long-line", NET + "# " + "x" * 60_000 + "\n" + CONV, 0, "-", "a 60 KB comment line is skipped")
cfgcase("cfg-long-value", NET + CONV.replace("filters=16", "filters=" + "9" * 60000), 2, "-")
cfgcase("cfg-long-key", NET + "[convolutional]\n" + "k" * 60000 + "=1\n", 2, "FC0408")
cfgcase("cfg-truncated-mid-key", NET + CONV + "[convolutional]\nbatch_normalize=1\nfilt", 2, "FC0413")
cfgcase("cfg-truncated-mid-value", NET + CONV + "[convolutional]\nbatch_normalize=1\nfilters=", 2, "-")
cfgcase("cfg-yolo-wrong-filters", NET + CONV + "[yolo]\nmask=0,1,2\nanchors=10,13,16,30,33,23\nclasses=80\nnum=3\n", 0, "-", "a [yolo] head allocates nothing; its filter count is not checked against classes")
cfgcase("cfg-route-many", NET + CONV + "[route]\nlayers=" + ",".join(["-1"] * 5000) + "\n", 2, "FC0419")
cfgcase("cfg-anchors-garbage", NET + CONV + "[yolo]\nmask=0\nanchors=a,b\nclasses=80\nnum=1\n", 0, "-", "anchors do not change shapes, so they are not read")

open(os.path.join(D, "expected.tsv"), "w").write(
    "# file\texit\tid ('-': any FC id)\treason when the case is valid (exit 0 or 1)\n" + "\n".join(exp) + "\n")
print(len(exp), "manifests;", len(os.listdir(D)), "files")
