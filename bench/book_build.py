"""Times mlbook on a 7-chapter book whose chapters each train the article's example (the
workload of the generator issue), the package already built:

  cold build          empty cache, every chapter compiled and run
  nothing changed     the same build again
  prose edit          one chapter's prose changed
  code edit           one chapter's code changed

usage: python3 bench/book_build.py [--rounds 3]     (run `swift build -c release` first)
Prints the median of each over the rounds. Jupyter Book 1.0 on this machine, same workload:
13.8 s cold, 0.99 s unchanged, 1.34 s prose edit, 2.59 s code edit (from the issue).
"""
import argparse
import pathlib
import shutil
import statistics
import subprocess
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
MLBOOK = ROOT / ".build" / "release" / "mlbook"

CHAPTER = """---
title: 第 {n} 章
params: {{ epochs: 1000, learningRate: 0.01 }}
---

# 第 {n} 章

原文的例子，第 {n} 遍。

```swift
let X = Tensor.uniform([100, 1])
let y = Tensor.uniform([100, 1])
let model = Sequential {{
    Dense(1, inputSize: 1)
}}
model.compile(optimizer: Adam(learningRate: params.learningRate), loss: MeanSquaredError())
let history = model.fit(X, y, epochs: params.epochs, batchSize: 32)
show(history)
```

最后的损失是 `{{swift}} history.finalLoss`。
"""


def timed(command, cwd):
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def one_round():
    folder = pathlib.Path(tempfile.mkdtemp(prefix="mlbook-bench-"))
    book = folder / "book"
    book.mkdir()
    names = [f"{n:02d}-chapter.md" for n in range(1, 8)]
    (book / "book.yml").write_text("title: Bench\nlanguage: zh-CN\nchapters: [" + ", ".join(names) + "]\n")
    for n, name in enumerate(names, 1):
        (book / name).write_text(CHAPTER.format(n=n))
    build = [str(MLBOOK), "build", "--book", "book", "--output", "site", "--work-directory", "work"]
    results = {"cold build": timed(build, folder), "nothing changed": timed(build, folder)}
    chapter = book / names[3]
    chapter.write_text(chapter.read_text().replace("原文的例子", "原文的例子（改过的文字）"))
    results["prose edit"] = timed(build, folder)
    chapter.write_text(chapter.read_text().replace("batchSize: 32", "batchSize: 16"))
    results["code edit"] = timed(build, folder)
    shutil.rmtree(folder)
    return results


ap = argparse.ArgumentParser()
ap.add_argument("--rounds", type=int, default=3)
args = ap.parse_args()
rounds = [one_round() for _ in range(args.rounds)]
goals = {"cold build": 4.0, "nothing changed": 0.2, "prose edit": 0.3, "code edit": 1.0}
jupyter = {"cold build": 13.8, "nothing changed": 0.99, "prose edit": 1.34, "code edit": 2.59}
print(f"{'':18} {'mlbook (s)':>11} {'goal (s)':>9} {'Jupyter Book (s)':>17}")
for key in goals:
    value = statistics.median(r[key] for r in rounds)
    print(f"{key:18} {value:11.3f} {goals[key]:9.2f} {jupyter[key]:17.2f}")
