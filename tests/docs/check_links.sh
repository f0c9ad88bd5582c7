#!/bin/bash
# Checks the relative links of the repository's Markdown files: every link target must exist,
# and every #anchor must match a heading of the file it points into (GitHub's slugs: lowercase,
# spaces to '-', punctuation other than '-' and '_' dropped, repeats numbered -1, -2, ...).
# Usage: tests/docs/check_links.sh REPO_ROOT
# Prints one line per broken link, FILE:LINE: TARGET, and exits 1 if there is any; 0 if none;
# 2 on a usage error. Reads every *.md outside hidden directories and build*/ directories.
# Needs bash and /usr/bin/python3's standard library only; no network (URLs are not checked).
set -eu
if [ $# -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 REPO_ROOT" >&2
  exit 2
fi
exec /usr/bin/python3 - "$1" <<'PY'
import os, re, sys
from urllib.parse import unquote

root = os.path.abspath(sys.argv[1])

FENCE = re.compile(r'^ {0,3}(`{3,}|~{3,})')
ATX = re.compile(r'^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$')
SETEXT = re.compile(r'^ {0,3}(=+|-+)[ \t]*$')
HTML_ID = re.compile(r'<a\s[^>]*\b(?:name|id)\s*=\s*["\']([^"\']+)["\']', re.I)
# [text](target "title") and ![alt](target); text may hold one level of brackets and span lines.
INLINE = re.compile(r'!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)'
                    r'(?:\s+(?:"[^"]*"|\'[^\']*\'|\([^)]*\)))?\s*\)')
REFDEF = re.compile(r'^ {0,3}\[[^\]]+\]:\s*(<[^>\n]*>|\S+)', re.M)
SCHEME = re.compile(r'^[A-Za-z][A-Za-z0-9+.-]*:')
CODE_LINE_ANCHOR = re.compile(r'^L\d+(?:C\d+)?(?:-L\d+(?:C\d+)?)?$')


def blank(m):
    """Replaces a match by spaces, keeping its newlines, so offsets and lines stay put."""
    return re.sub(r'[^\n]', ' ', m.group(0))


def strip_code(text):
    """The text with fenced code blocks and inline code spans blanked out."""
    lines, out, fence = text.split('\n'), [], None
    for line in lines:
        m = FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line.strip()[len(m.group(1)):].strip():
                fence = None
            out.append('')
        elif m:
            fence = m.group(1)
            out.append('')
        else:
            out.append(line)
    text = '\n'.join(out)
    # Inline code: a run of backticks up to the same run, not across a blank line.
    return re.sub(r'(`+)(?:(?!\n[ \t]*\n).)+?\1', blank, text, flags=re.S)


def slug(heading):
    """GitHub's anchor for a heading's text."""
    s = re.sub(r'!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\([^)]*\)', r'\1', heading)  # links -> their text
    s = re.sub(r'<[^>]+>', '', s)                                                # inline HTML
    s = s.replace('`', '')
    s = re.sub(r'(^|\W)[*_]{1,3}(?=\w)|(?<=\w)[*_]{1,3}(?=\W|$)', r'\1', s)      # emphasis markers
    s = s.strip().lower()
    s = re.sub(r'[^\w\- ]', '', s)
    return s.replace(' ', '-')


anchor_cache = {}


def anchors(path):
    """Every anchor a Markdown file defines: heading slugs (numbered when repeated) and HTML ids."""
    if path in anchor_cache:
        return anchor_cache[path]
    with open(path, encoding='utf-8') as f:
        raw = f.read()
    found, seen = set(), {}
    lines = strip_code(raw).split('\n')
    for i, line in enumerate(lines):
        text = None
        m = ATX.match(line)
        if m:
            text = m.group(2) or ''
        elif i > 0 and SETEXT.match(line) and lines[i - 1].strip() and not ATX.match(lines[i - 1]) \
                and not (SETEXT.match(lines[i - 1])):
            text = lines[i - 1].strip()
        if text is not None:
            # A heading's text may hold inline code, which strip_code blanked; take it from the raw line.
            raw_line = raw.split('\n')[i if m else i - 1]
            rm = ATX.match(raw_line)
            text = (rm.group(2) or '') if rm else raw_line.strip()
            base = slug(text)
            n = seen.get(base, 0)
            seen[base] = n + 1
            found.add(base if n == 0 else '%s-%d' % (base, n))
    for m in HTML_ID.finditer(raw):
        found.add(m.group(1))
    anchor_cache[path] = found
    return found


def markdown_files():
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith('.') and not d.startswith('build'))
        for name in sorted(filenames):
            if name.lower().endswith('.md'):
                yield os.path.join(dirpath, name)


def broken(source, target):
    """Why a link target does not resolve, or None when it does."""
    if target.startswith('<') and target.endswith('>'):
        target = target[1:-1]
    if not target or SCHEME.match(target) or target.startswith('//'):
        return None
    path, _, anchor = target.partition('#')
    path = unquote(path.split('?', 1)[0])
    if path.startswith('/'):
        dest = os.path.join(root, path.lstrip('/'))
    elif path:
        dest = os.path.normpath(os.path.join(os.path.dirname(source), path))
    else:
        dest = source
    if not os.path.exists(dest):
        return 'no such file'
    if not anchor:
        return None
    anchor = unquote(anchor)
    if dest.lower().endswith('.md') and os.path.isfile(dest):
        return None if anchor in anchors(dest) else 'no such heading'
    if os.path.isfile(dest) and CODE_LINE_ANCHOR.match(anchor):
        return None
    return 'anchor into a file that has no headings'


failures = 0
for source in markdown_files():
    with open(source, encoding='utf-8') as f:
        text = strip_code(f.read())
    targets = [(m.start(1), m.group(1)) for m in INLINE.finditer(text)]
    targets += [(m.start(1), m.group(1)) for m in REFDEF.finditer(text)]
    for offset, target in sorted(targets):
        if broken(source, target):
            line = text.count('\n', 0, offset) + 1
            print('%s:%d: %s' % (os.path.relpath(source, root), line, target))
            failures += 1
sys.exit(1 if failures else 0)
PY
