#!/bin/bash
# check_links.sh finds exactly the broken links of a small made-up repository: missing files,
# missing headings, numbered repeats, links wrapped over two lines, reference definitions; and
# it ignores code, URLs and build directories. Usage: tests/docs/check_links_test.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(mktemp -d)
trap 'rm -rf "$repo"' EXIT
mkdir -p "$repo/docs" "$repo/build"
cat > "$repo/README.md" <<'MD'
# Top title
## Options of `sacjc verify VICTIM SUSPECT`
## Choosing the comparison: mad, rsa or cka
## Dup
## Dup
Setext heading
--------------
<a name="custom"></a>
[ok](docs/a.md) [ok2](docs/a.md#section-one) [bad](docs/missing.md) [badanchor](docs/a.md#nope)
[self](#options-of-sacjc-verify-victim-suspect) [self2](#choosing-the-comparison-mad-rsa-or-cka)
[dup](#dup-1) [dup2](#dup-2) [setext](#setext-heading) [custom](#custom) [url](https://x.org/#y)
`[code](nothere.md)` and [a link
that wraps](docs/gone.md) ![img](pic.png)
```sh
[fenced](fenced.md)
```
[ref]: docs/alsogone.md
[space](docs/a%20b.md) [line](src.cpp#L10) [dir](docs/)
MD
printf '# Section one\n[up](../README.md#top-title) [upbad](../README.md#top)\n' > "$repo/docs/a.md"
touch "$repo/docs/a b.md" "$repo/src.cpp"
echo '[x](nowhere.md)' > "$repo/build/x.md"

expected='README.md:9: docs/missing.md
README.md:9: docs/a.md#nope
README.md:11: #dup-2
README.md:13: docs/gone.md
README.md:13: pic.png
README.md:17: docs/alsogone.md
docs/a.md:2: ../README.md#top'
code=0
actual=$("$here/check_links.sh" "$repo") || code=$?
if [ "$code" -ne 1 ] || [ "$actual" != "$expected" ]; then
  echo "check_links.sh: exit $code, output:"; echo "$actual"; echo "expected exit 1 and:"; echo "$expected"
  exit 1
fi
rm "$repo/build/x.md"
sed -i 's/ \[.*//' "$repo/docs/a.md"
printf '# Top title\n[ok](docs/a.md#section-one) [self](#top-title)\n' > "$repo/README.md"
"$here/check_links.sh" "$repo" || { echo "check_links.sh failed on a repository without broken links"; exit 1; }
code=0; "$here/check_links.sh" 2>/dev/null || code=$?
[ "$code" -eq 2 ] || { echo "check_links.sh without an argument: exit $code, expected 2"; exit 1; }
echo "check_links.sh: ok"
