#!/usr/bin/env bash
# Nightly reproduction run: the `ci` variant of each experiment with N seeds, gated against ci/baselines/.
#
#   ci/nightly.sh [--experiments a,b] [--seeds 3] [--update-baselines]
#
# Exit codes: 0 every metric equivalent to its baseline; 1 a metric drifted or a run failed/diverged;
# 3 inconclusive (too few seeds, too much spread, or a metric without baseline) -- not a pass; 2 bad input.
# Records and summary.txt land in results/nightly/<date>-<commit>/.
set -euo pipefail
cd "$(dirname "$0")/.."

args=(-Dmode=nightly -Dprogress=false)
while [ $# -gt 0 ]; do
  case "$1" in
    --experiments) args+=("-Dnightly.experiments=$2"); shift 2 ;;
    --seeds) args+=("-Dseeds=$2"); shift 2 ;;
    --update-baselines) args+=("-Dupdate.baselines=true"); shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "ci/nightly.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

mvn -B -q compile exec:java "${args[@]}"
