#!/bin/sh
# Train and export the shipped variants one after another (issue 22), resumable:
# rerun the same command after an interruption; a finished network (final.pt) is skipped,
# an exported one (model.json newer than final.pt) is not exported again, a shipped one
# without a checkpoint here is skipped.
#   nohup sh training/train_variants.sh > training/checkpoints/variants.log 2>&1 &
# SIZE, EPOCHS, THREADS and LR (OneCycle max) can be set in the environment.
set -e
cd "$(dirname "$0")/.."
PY=${PY:-/usr/bin/python3}
SIZE=${SIZE:-32}
EPOCHS=${EPOCHS:-8}
THREADS=${THREADS:-1}
# 0.05 (d2l's rate) as OneCycle max: ResNet-34 at 0.1 diverged in epoch 2 (training/README.md, try 1)
LR=${LR:-0.05}
for spec in "resnet34" "resnet18 --preact" "resnet50"; do
  set -- $spec
  name=$1${2:+-preact}
  ck=training/checkpoints/$name
  out=public/models/$name-fmnist
  # shipped from an earlier checkout (its checkpoints are not committed): not trained again
  if [ -f "$out/model.json" ] && [ ! -f "$ck/final.pt" ]; then
    echo "== $name is shipped ($out), skipped"
    continue
  fi
  if [ ! -f "$ck/final.pt" ]; then
    echo "== $(date -u +%H:%M:%S) train $name at ${SIZE}x${SIZE}, $EPOCHS epochs, max lr $LR, $THREADS thread(s)"
    $PY training/train.py --arch $spec --size "$SIZE" --epochs "$EPOCHS" --lr "$LR" --threads "$THREADS" --log-every 100
  fi
  if [ ! -f "$out/model.json" ] || [ "$ck/final.pt" -nt "$out/model.json" ]; then
    echo "== $(date -u +%H:%M:%S) export $name to $out"
    $PY training/export.py --checkpoint "$ck/final.pt" --out-dir "$out" --threads "$THREADS"
  fi
done
echo "== $(date -u +%H:%M:%S) all done"
