#!/usr/bin/env bash
# The public API of haalbaar-grammar and haalbaar, listed from rustdoc's JSON output into
# grammar/public-api.txt and core/public-api.txt, so any change to it shows in review.
#   scripts/public-api.sh          rewrite the listings
#   scripts/public-api.sh --check  exit 1 (with a diff) when a listing is out of date, or
#                                  when a public function, method or type has no doc example
# rustdoc's JSON output is unstable; RUSTC_BOOTSTRAP=1 lets the stable toolchain write it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
status=0
for pair in "haalbaar-grammar:haalbaar_grammar:grammar" "haalbaar:haalbaar:core"; do
  IFS=: read -r package crate dir <<< "$pair"
  RUSTC_BOOTSTRAP=1 cargo rustdoc -q --locked -p "$package" --all-features --target-dir target/public-api \
    -- -Z unstable-options --output-format json
  listing="$(python3 scripts/public-api.py "target/public-api/doc/$crate.json")"
  if [[ "${1:-}" == "--check" ]]; then
    if ! diff -u "$dir/public-api.txt" <(printf '%s\n' "$listing"); then
      echo "$dir/public-api.txt is out of date: run scripts/public-api.sh and review the change" >&2
      status=1
    fi
    missing="$(python3 scripts/public-api.py "target/public-api/doc/$crate.json" --missing-examples)"
    if [[ -n "$missing" ]]; then
      printf '%s\n' "$missing" >&2
      echo "$package: the items above have no example in their doc comment" >&2
      status=1
    fi
  else
    printf '%s\n' "$listing" > "$dir/public-api.txt"
  fi
done
exit $status
