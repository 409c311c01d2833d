#!/usr/bin/env bash
# Redraws the article's chart: weights + activations of ResNet-50 and YOLOv3 (int8) from 224x224 to
# 2048x2048 in steps of 32, with the on-chip SRAM of two accelerator presets as horizontal lines, and
# the estimated fps of each model on them (docs/sweep-fps.png). YOLOv3 sides must be multiples of 32,
# so every step is valid for both models. Run from the repository root after `dotnet tool restore`.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet fitcheck sweep zoo:resnet50 zoo:yolov3 \
  --resolutions 224..2048/32 \
  --accelerator inferx-x1 --accelerator hailo-8 \
  --format csv --chart docs/sweep.png > docs/sweep.csv
