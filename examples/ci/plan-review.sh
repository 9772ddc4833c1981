#!/usr/bin/env bash
# Reviews the plan files a change touches, for CI (see haalbaar.yml beside it):
#   plan-review.sh BASE [OUT]
# BASE is the git revision the change is compared with (e.g. origin/main); OUT (default
# haalbaar-review) receives haalbaar.sarif (every changed plan checked, for code scanning) and
# comment.md (what the change does to each plan's commitments, for the pull request).
# GitHub annotations for every finding go to standard output.
# Exit 1 when a changed plan is invalid (has errors other than commitments not met) or a change
# makes a commitment worse; a plan already infeasible on BASE that the change does not make
# worse passes. 0 otherwise; 2 on usage errors. Needs `haalbaar` and `git` on PATH, run inside
# the repository.
set -uo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: plan-review.sh BASE [OUT]" >&2
  exit 2
fi
base="$1"
out="${2:-haalbaar-review}"
mkdir -p "$out"

# The plan files added or changed since BASE (deleted ones have nothing to check).
files=()
while IFS= read -r f; do
  files+=("$f")
done < <(git diff --name-only --diff-filter=AM "$base" -- '*.plan')

status=0
if [ ${#files[@]} -eq 0 ]; then
  echo "No plan file changed." > "$out/comment.md"
  echo '{"version":"2.1.0","runs":[]}' > "$out/haalbaar.sarif"
  exit 0
fi

# Findings of every changed plan (commitments not met are errors there too).
haalbaar check --format sarif "${files[@]}" > "$out/haalbaar.sarif"
haalbaar check --format github "${files[@]}"
for f in "${files[@]}"; do
  if haalbaar check --format json "$f" | grep -q '^  "verdict": "invalid"'; then
    status=1
  fi
done

: > "$out/comment.md"
for f in "${files[@]}"; do
  if git cat-file -e "$base:./$f" 2>/dev/null || git cat-file -e "$base:$f" 2>/dev/null; then
    haalbaar diff --rev "$base" --format markdown "$f" >> "$out/comment.md"
    code=$?
    if [ "$code" -ne 0 ]; then status=1; fi
    if [ "$code" -eq 2 ]; then echo "could not compare $f with $base" >> "$out/comment.md"; fi
  else
    echo "🆕 **haalbaar** \`$f\`: a new plan file (see the check for its findings)" >> "$out/comment.md"
  fi
  echo >> "$out/comment.md"
done
exit "$status"
