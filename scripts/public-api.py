#!/usr/bin/env python3
"""Lists the public API of a crate from rustdoc's JSON output, one item per line, sorted.

Usage: public-api.py target/doc/haalbaar.json > core/public-api.txt

With `--missing-examples`, lists instead the public functions, methods and types whose doc
comment has no example (no code block), which `scripts/public-api.sh --check` requires to be none.

Items under `#[doc(hidden)]` (the workspace-only `unstable` module) are left out. Each line
is `kind path`; methods and associated constants of inherent impls are listed under their
type, trait impls as `impl Trait for Type`. Signatures are not listed: the listing is there so
any added, removed or renamed item shows in review.
"""
import json
import sys

doc = json.load(open(sys.argv[1]))
index = doc["index"]
out = set()
missing = set()
EXAMPLED = {"function", "struct", "enum", "trait", "type_alias"}


def note(kind, path, item):
    """Lists the item and, for the kinds that need one, whether its doc has an example."""
    out.add(f"{kind} {path}")
    if kind in EXAMPLED and "```" not in (item.get("docs") or ""):
        missing.add(f"{kind} {path}")


def hidden(item):
    return any("hidden" in str(a) for a in item.get("attrs", []))


def kind_of(item):
    inner = item.get("inner", {})
    return next(iter(inner)) if isinstance(inner, dict) and inner else str(inner)


def trait_name(t):
    if not t:
        return None
    return t.get("path") or t.get("name")


def describe(item, path, seen):
    if item is None or hidden(item) or item["id"] in seen:
        return
    seen = seen | {item["id"]}
    kind = kind_of(item)
    inner = item["inner"][kind] if isinstance(item.get("inner"), dict) else {}
    if kind == "module":
        out.add(f"mod {path}")
        walk(item, path, seen)
        return
    note(kind, path, item)
    if kind == "struct":
        k = inner.get("kind", {})
        fields = k.get("plain", {}).get("fields", []) if isinstance(k, dict) else []
        for f in fields:
            fi = index.get(str(f))
            if fi and fi.get("visibility") == "public" and not hidden(fi):
                out.add(f"field {path}::{fi['name']}")
    if kind == "enum":
        for v in inner.get("variants", []):
            vi = index.get(str(v))
            if vi and not hidden(vi):
                out.add(f"variant {path}::{vi['name']}")
    for i in inner.get("impls", []) if isinstance(inner, dict) else []:
        im = index.get(str(i))
        if im is None or hidden(im):
            continue
        imp = im["inner"]["impl"]
        if imp.get("is_synthetic") or imp.get("blanket_impl"):
            continue
        t = trait_name(imp.get("trait"))
        if t:
            out.add(f"impl {t} for {path}")
            continue
        for m in imp.get("items", []):
            mi = index.get(str(m))
            if mi and mi.get("visibility") == "public" and not hidden(mi):
                note(kind_of(mi), f"{path}::{mi['name']}", mi)


def walk(module, prefix, seen):
    for i in module["inner"]["module"]["items"]:
        item = index.get(str(i))
        if item is None or item.get("visibility") != "public" or hidden(item):
            continue
        if kind_of(item) == "use":
            use = item["inner"]["use"]
            target = index.get(str(use.get("id"))) if use.get("id") is not None else None
            if use.get("is_glob"):
                if target is not None and kind_of(target) == "module":
                    walk(target, prefix, seen)
                continue
            if target is None:
                out.add(f"use {prefix}::{use['name']} (= {use['source']})")
            else:
                describe(target, f"{prefix}::{use['name']}", seen)
            continue
        describe(item, f"{prefix}::{item['name']}", seen)


root = index[str(doc["root"])]
walk(root, root["name"], set())
print("\n".join(sorted(missing if "--missing-examples" in sys.argv else out)))
