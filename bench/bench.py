"""pyxx side by side with the real Cython and Numba, reported as ratios.

    python3 bench/bench.py --pyxx PATH/TO/pyxx --work-dir DIR [--quick] [options]

Builds the article's programs (examples/article/) with pyxx, with cython3 plus
the C compiler, and lets Numba JIT-compile them; then times fib(N), runs the
article's threading experiment, counts instructions with callgrind and sums a
float64 array through a typed memoryview. Every measured run is a fresh
process. Prints a Markdown report and writes it to --out. Exit status 1 when
any benchmark failed (the report says which and why).
"""
import argparse
import datetime
import json
import os
import sys
import traceback

from measure import CommandFailed, best_of, callgrind_instructions, run_measured
from report import Row, key_values, table
from tools import Toolchain, build_with_cython, build_with_pyxx, versions

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARTICLE = os.path.join(REPO, "examples", "article")
PROGRAMS = os.path.join(REPO, "bench", "programs")
HISTOGRAM = os.path.join(REPO, "examples", "histogram", "histogram.pyx")
NUMBA_FUNCTIONS = ["numba_nogil", "numba_gil", "numba_recurse"]


def log(message):
    print(f"==> {message}", file=sys.stderr, flush=True)


class Bench:
    def __init__(self, args):
        self.args = args
        self.tc = Toolchain.find(os.path.abspath(args.pyxx), args.python)
        self.work = os.path.abspath(args.work_dir)
        self.failures = []   # (benchmark, message)
        self.results = {}

    # -- plumbing -------------------------------------------------------------------------
    def attempt(self, name, action):
        """Run one benchmark; a failure is recorded and reported, the others still run."""
        log(name)
        try:
            return action()
        except (CommandFailed, OSError, ValueError, KeyError) as e:
            message = str(e).strip() or traceback.format_exc()
            log(f"FAILED: {name}: {message}")
            self.failures.append((name, message))
            return None

    def worker(self, task, variant, **options):
        cmd = self.tc.worker(task, *variant)
        for key, value in options.items():
            flag = "--" + key.replace("_", "-")
            if isinstance(value, list):
                cmd += [flag, *value]
            elif value is True:
                cmd.append(flag)
            else:
                cmd += [flag, str(value)]
        run = run_measured(cmd)
        result = json.loads(run.stdout.strip().splitlines()[-1]) if run.stdout.strip() else {}
        result["process_rss_kib"] = run.max_rss_kib
        return result

    # -- the variants: where each tool's functions come from ----------------------------------
    def fib_variants(self):
        pyxx_dir = os.path.join(self.work, "pyxx")
        cython_dir = os.path.join(self.work, "cython")
        cy = ["--gil-fn", "cython_gil", "--nogil-fn", "cython_nogil"]
        nb = ["--gil-fn", "numba_gil", "--nogil-fn", "numba_nogil"]
        return {
            "pyxx (Cython program)": ["--module-dir", pyxx_dir, "--module", "fib_cython", *cy],
            "Cython": ["--module-dir", cython_dir, "--module", "fib_cython_cy", *cy],
            "pyxx (Numba program)": ["--module-dir", pyxx_dir, "--module", "fib_numba", *nb],
            "Numba": ["--jit-source", os.path.join(ARTICLE, "fib_numba.pyx"), *nb],
        }

    # -- (1) build -----------------------------------------------------------------------
    def run_builds(self):
        a, r = self.args, self.results
        pyxx_dir, cython_dir = os.path.join(self.work, "pyxx"), os.path.join(self.work, "cython")
        k = a.build_repeat
        r["startup"] = self.attempt("tool start-up (--version)", lambda: {
            "pyxx": best_of(k, [self.tc.pyxx, "--version"]),
            "cython": best_of(k, [self.tc.cython, "--version"])})
        r["build_pyxx_cy"] = self.attempt("build fib_cython.pyx with pyxx", lambda: build_with_pyxx(
            self.tc, os.path.join(ARTICLE, "fib_cython.pyx"), pyxx_dir, k))
        r["build_cython"] = self.attempt("build fib_cython.pyx with cython3 + cc", lambda: build_with_cython(
            self.tc, os.path.join(ARTICLE, "fib_cython.pyx"), cython_dir, "fib_cython_cy", k))
        r["cython_in_process"] = self.attempt("Cython's compiler in one process (imports vs compile)",
                                              lambda: self.worker(
            "cythonize", [], source=os.path.join(cython_dir, "fib_cython_cy.py"),
            out=os.path.join(cython_dir, "fib_cython_cy.warm.c"), repeat=k))
        r["build_pyxx_nb"] = self.attempt("build fib_numba.pyx with pyxx", lambda: build_with_pyxx(
            self.tc, os.path.join(ARTICLE, "fib_numba.pyx"), pyxx_dir, k))
        r["jit_numba"] = self.attempt("Numba first-call JIT of fib_numba.pyx", lambda: min(
            (self.worker("jit", ["--jit-source", os.path.join(ARTICLE, "fib_numba.pyx")],
                         functions=NUMBA_FUNCTIONS) for _ in range(k)),
            key=lambda j: sum(j["first_call_s"].values())))
        r["build_pyxx_mv"] = self.attempt("build mv_sum.pyx (memoryview) with pyxx", lambda: build_with_pyxx(
            self.tc, os.path.join(PROGRAMS, "mv_sum.pyx"), pyxx_dir, k))
        r["build_cython_mv"] = self.attempt("build mv_sum.pyx (memoryview) with cython3 + cc", lambda: build_with_cython(
            self.tc, os.path.join(PROGRAMS, "mv_sum.pyx"), cython_dir, "mv_sum_cy", k))
        r["build_pyxx_hist"] = self.attempt("build histogram.pyx (extension type) with pyxx", lambda: build_with_pyxx(
            self.tc, HISTOGRAM, pyxx_dir, k))
        r["build_cython_hist"] = self.attempt("build histogram.pyx (extension type) with cython3 + cc",
                                              lambda: build_with_cython(self.tc, HISTOGRAM, cython_dir,
                                                                        "histogram_cy", k))

    # -- (2)-(4) running ------------------------------------------------------------------
    def run_fib(self):
        a, r = self.args, self.results
        r["run"], r["threads"], r["callgrind"] = {}, {}, {}
        for name, variant in self.fib_variants().items():
            r["run"][name] = self.attempt(f"fib({a.n:_}) best of {a.repeat}: {name}", lambda: self.worker(
                "run", variant, n=a.n, repeat=a.repeat))
        values = {v["value_mod_2_64"] for v in r["run"].values() if v}
        if len(values) > 1:
            self.failures.append(("fib values", f"the tools disagree on fib(N) mod 2**64: {sorted(values)}"))
        for name, variant in self.fib_variants().items():
            r["threads"][name] = self.attempt(f"threading experiment, best of {a.thread_repeat}: {name}",
                                              lambda: self.worker("threads", variant, n=a.n,
                                                                  repeat=a.thread_repeat))
        if a.no_callgrind:
            return
        # Two whole-process counts, fib(N) and fib(2); the difference is the loop. Whatever
        # else differs between the two runs (seen: up to ~3 million instructions in Numba's
        # process, a few hundred in the others) is a few percent of the loop at N = 1e8.
        env = dict(os.environ, PYTHONHASHSEED="0")
        for name, variant in self.fib_variants().items():
            def count():
                full, empty = (callgrind_instructions(self.tc.worker("callgrind", *variant, "--n", n), env=env)
                               for n in (a.callgrind_n, 2))
                return {"instructions": full - empty, "per_iteration": (full - empty) / (a.callgrind_n - 2)}
            r["callgrind"][name] = self.attempt(f"callgrind fib({a.callgrind_n:_}) minus fib(2): {name}", count)

    # -- (5) memoryview -------------------------------------------------------------------
    def run_sum(self):
        a, r = self.args, self.results
        r["sum"] = {}
        variants = {
            "pyxx": ["--module-dir", os.path.join(self.work, "pyxx"), "--module", "mv_sum"],
            "Cython": ["--module-dir", os.path.join(self.work, "cython"), "--module", "mv_sum_cy"],
            "Numba": ["--jit-source", os.path.join(PROGRAMS, "mv_sum_numba.py")],
            "numpy.sum": ["--numpy"],
        }
        for name, variant in variants.items():
            if name == "pyxx" and not r.get("build_pyxx_mv"):
                continue  # the build failure is already reported
            r["sum"][name] = self.attempt(f"sum of {a.sum_size:_} float64, best of {a.repeat}: {name}",
                                          lambda: self.worker("sum", variant, n=a.sum_size, repeat=a.repeat))

    # -- (6) an extension type with a C array, filled by threads ---------------------------
    def run_histogram(self):
        a, r = self.args, self.results
        r["histogram"] = {}
        variants = {
            "pyxx": ["--module-dir", os.path.join(self.work, "pyxx"), "--module", "histogram"],
            "Cython": ["--module-dir", os.path.join(self.work, "cython"), "--module", "histogram_cy"],
            "Numba": ["--jit-source", os.path.join(PROGRAMS, "histogram_numba.py")],
        }
        for name, variant in variants.items():
            if not r.get({"pyxx": "build_pyxx_hist", "Cython": "build_cython_hist"}.get(name, "build_pyxx_hist")):
                continue  # the build failure is already reported
            r["histogram"][name] = self.attempt(
                f"histogram: fill({a.hist_n:_}), one and {a.hist_threads} threads, best of {a.repeat}: {name}",
                lambda: self.worker("histogram", variant, n=a.hist_n, threads=a.hist_threads, repeat=a.repeat))

    # -- the report -----------------------------------------------------------------------
    def report(self, tool_versions):
        a, r = self.args, self.results
        get = lambda d, *keys: _dig(d, keys)  # noqa: E731
        pc, cy, pn = r.get("build_pyxx_cy"), r.get("build_cython"), r.get("build_pyxx_nb")
        pm, cm = r.get("build_pyxx_mv"), r.get("build_cython_mv")
        jit = r.get("jit_numba")
        run, thr, cg, sm = r["run"], r["threads"], r["callgrind"], r["sum"]
        hg, ph, ch = r.get("histogram", {}), r.get("build_pyxx_hist"), r.get("build_cython_hist")
        hist_title = (f"extension type with a C array: fill({a.hist_n:_}) (examples/histogram), "
                      f"best of {a.repeat}")
        P, C, PN, N = "pyxx (Cython program)", "Cython", "pyxx (Numba program)", "Numba"

        def threads_rows(mine, theirs):
            rows = []
            for key, label in [("one_call_s", "one GIL-holding call"),
                               ("two_gil_threads_s", "two GIL-holding threads"),
                               ("nogil_first_s", "nogil thread first + GIL thread"),
                               ("gil_first_s", "GIL thread first + nogil thread")]:
                rows.append(Row(label + " (wall)", get(thr, mine, key), get(thr, theirs, key), "time"))
            return rows

        cython_table = table("Cython", [
            ("build: the article's Cython program (fib_cython.pyx)", [
                Row("start-up: `--version`", get(r, "startup", "pyxx").wall_s if get(r, "startup") else None,
                    get(r, "startup", "cython").wall_s if get(r, "startup") else None, "time"),
                Row("source to source: pyxx translate / cython3", pc and pc.source_step.wall_s,
                    cy and cy.source_step.wall_s, "time"),
                Row("... Cython in one process: importing its compiler", None,
                    get(r, "cython_in_process", "import_s"), "time"),
                Row("... Cython in one process: first compile", None,
                    get(r, "cython_in_process", "first_s"), "time"),
                Row("... warm: pyxx translate / a repeated in-process compile", pc and pc.source_step.wall_s,
                    get(r, "cython_in_process", "warm_s"), "time"),
                Row("compile: C++ (in pyxx build) / C", pc and pc.compile_s(), cy and cy.compile_s(), "time"),
                Row("total: pyxx build / cython3 + cc", pc and pc.total_s(), cy and cy.total_s(), "time"),
                Row("generated source, lines", pc and pc.generated["lines"], cy and cy.generated["lines"], "count"),
                Row("generated source, bytes", pc and pc.generated["bytes"], cy and cy.generated["bytes"], "bytes"),
                Row("extension module (.so)", pc and pc.module["bytes"], cy and cy.module["bytes"], "bytes")]),
            ("memory (peak RSS)", [
                Row("translator: pyxx translate / cython3", pc and pc.source_step.max_rss_kib,
                    cy and cy.source_step.max_rss_kib, "rss"),
                Row("compile step (largest process)", pc and pc.total.max_rss_kib,
                    cy and cy.compile_step.max_rss_kib, "rss"),
                Row(f"benchmark process, fib({a.n:_})", get(run, P, "process_rss_kib"),
                    get(run, C, "process_rss_kib"), "rss")]),
            (f"run time: fib({a.n:_}), best of {a.repeat}", [
                Row("cython_gil(N)", get(run, P, "gil_s"), get(run, C, "gil_s"), "time"),
                Row("cython_nogil(N)", get(run, P, "nogil_s"), get(run, C, "nogil_s"), "time"),
                Row(f"callgrind: instructions per loop iteration (N = {a.callgrind_n:_})",
                    get(cg, P, "per_iteration"), get(cg, C, "per_iteration"), "per_iter"),
                Row("callgrind: instructions of fib(N) minus fib(2), whole process",
                    get(cg, P, "instructions"), get(cg, C, "instructions"), "count")]),
            (f"threading experiment: fib({a.n:_}), best of {a.thread_repeat}", threads_rows(P, C)),
            (f"memoryview: sum of {a.sum_size:_} float64 (mv_sum.pyx)", [
                Row("sum_array(a), best of " + str(a.repeat), get(sm, "pyxx", "sum_s"), get(sm, "Cython", "sum_s"), "time"),
                Row("total build: pyxx build / cython3 + cc", pm and pm.total_s(), cm and cm.total_s(), "time"),
                Row("generated source, lines", pm and pm.generated["lines"], cm and cm.generated["lines"], "count"),
                Row("extension module (.so)", pm and pm.module["bytes"], cm and cm.module["bytes"], "bytes")]),
            (hist_title, [
                Row("one fill(N)", get(hg, "pyxx", "one_fill_s"), get(hg, "Cython", "one_fill_s"), "time"),
                Row(f"{a.hist_threads} threads, one instance each (wall)", get(hg, "pyxx", "threads_fill_s"),
                    get(hg, "Cython", "threads_fill_s"), "time"),
                Row("total build: pyxx build / cython3 + cc", ph and ph.total_s(), ch and ch.total_s(), "time"),
                Row("extension module (.so)", ph and ph.module["bytes"], ch and ch.module["bytes"], "bytes")]),
        ])
        jit_total = sum(jit["first_call_s"].values()) if jit else None
        numba_table = table("Numba", [
            ("build: the article's Numba program (fib_numba.pyx)", [
                Row("pyxx build / first-call JIT of its 3 functions", pn and pn.total_s(), jit_total, "time"),
                Row("... plus `import numba` (Numba only)", pn and pn.total_s(),
                    jit and jit_total + jit["import_s"], "time"),
                Row("generated C++ lines / —", pn and pn.generated["lines"], None, "count"),
                Row("extension module (.so) / —", pn and pn.module["bytes"], None, "bytes")]),
            ("memory (peak RSS)", [
                Row("compiler: pyxx build / Python process after JIT", pn and pn.total.max_rss_kib,
                    jit and jit["process_rss_kib"], "rss"),
                Row(f"benchmark process, fib({a.n:_})", get(run, PN, "process_rss_kib"),
                    get(run, N, "process_rss_kib"), "rss")]),
            (f"run time: fib({a.n:_}), best of {a.repeat}", [
                Row("numba_gil(N)", get(run, PN, "gil_s"), get(run, N, "gil_s"), "time"),
                Row("numba_nogil(N)", get(run, PN, "nogil_s"), get(run, N, "nogil_s"), "time"),
                Row(f"callgrind: instructions per loop iteration (N = {a.callgrind_n:_})",
                    get(cg, PN, "per_iteration"), get(cg, N, "per_iteration"), "per_iter"),
                Row("callgrind: instructions of fib(N) minus fib(2), whole process",
                    get(cg, PN, "instructions"), get(cg, N, "instructions"), "count")]),
            (f"threading experiment: fib({a.n:_}), best of {a.thread_repeat}", threads_rows(PN, N)),
            (f"memoryview: sum of {a.sum_size:_} float64", [
                Row("sum_array(a), best of " + str(a.repeat), get(sm, "pyxx", "sum_s"), get(sm, "Numba", "sum_s"), "time"),
                Row("pyxx build / Numba first call (JIT)", pm and pm.total_s(), get(sm, "Numba", "first_call_s"),
                    "time"),
                Row("benchmark process (peak RSS)", get(sm, "pyxx", "process_rss_kib"),
                    get(sm, "Numba", "process_rss_kib"), "rss")]),
            (hist_title + " (Numba: a jitclass and a nogil function)", [
                Row("one fill(N)", get(hg, "pyxx", "one_fill_s"), get(hg, "Numba", "one_fill_s"), "time"),
                Row(f"{a.hist_threads} threads, one instance each (wall)", get(hg, "pyxx", "threads_fill_s"),
                    get(hg, "Numba", "threads_fill_s"), "time"),
                Row("pyxx build / Numba first call (JIT)", ph and ph.total_s(), get(hg, "Numba", "first_call_s"),
                    "time"),
                Row("benchmark process (peak RSS)", get(hg, "pyxx", "process_rss_kib"),
                    get(hg, "Numba", "process_rss_kib"), "rss")]),
        ])
        lines = [f"# pyxx benchmarks, {datetime.date.today().isoformat()}", ""]
        lines += key_values("setting", [
            *tool_versions.items(),
            ("load average (start / end)", f"{self.load_start} / {_loadavg()}"),
            ("N (fib), repeats", f"{a.n:_}; run best of {a.repeat}, build best of {a.build_repeat}, "
                                 f"threads best of {a.thread_repeat}"),
            ("callgrind", "skipped (--no-callgrind)" if a.no_callgrind else f"N = {a.callgrind_n:_}")])
        lines += ["", "Ratios are pyxx / other: below 1 means pyxx is faster or smaller. Wall times are",
                  "noisy when the machine is shared (see the load average); the callgrind counts are not.", "",
                  "## pyxx vs Cython", ""] + cython_table
        lines += ["", "## pyxx vs Numba", ""] + numba_table
        if get(sm, "numpy.sum", "sum_s") is not None:
            lines += ["", f"Reference: `numpy.sum` of the same array takes "
                          f"{get(sm, 'numpy.sum', 'sum_s') * 1000:.1f} ms (pairwise, vectorised summation)."]
        if jit:
            per = ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in jit["first_call_s"].items())
            lines += [f"Numba first calls: {per}; `import numba` {jit['import_s'] * 1000:.0f} ms."]
        if self.failures:
            lines += ["", "## Failures", ""]
            for name, message in self.failures:
                lines += [f"- **{name}**:", "", "  ```", *("  " + m for m in message.splitlines()), "  ```"]
        return "\n".join(lines) + "\n"

    def main(self):
        self.load_start = _loadavg()
        tool_versions = versions(self.tc)
        os.makedirs(self.work, exist_ok=True)
        self.run_builds()
        self.run_fib()
        self.run_sum()
        self.run_histogram()
        text = self.report(tool_versions)
        out = os.path.abspath(self.args.out or os.path.join(self.work, "latest.md"))
        with open(out + ".tmp", "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(out + ".tmp", out)
        print(text)
        log(f"report written to {out}")
        return 1 if self.failures else 0


def _dig(data, keys):
    for key in keys:
        if not isinstance(data, dict) or data.get(key) is None:
            return None
        data = data[key]
    return data


def _loadavg():
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pyxx", required=True, help="the pyxx executable")
    parser.add_argument("--python", default=sys.executable,
                        help="the Python that has Cython and Numba (default: this one)")
    parser.add_argument("--work-dir", required=True, help="where modules, generated code and the report go")
    parser.add_argument("--out", help="report file (default WORK_DIR/latest.md)")
    parser.add_argument("--n", type=int, default=1_000_000_000, help="fib(N) for run time and threads")
    parser.add_argument("--repeat", type=int, default=5, help="run time: best of this many calls")
    parser.add_argument("--build-repeat", type=int, default=3, help="builds: best of this many")
    parser.add_argument("--thread-repeat", type=int, default=3, help="threading experiment: best of")
    parser.add_argument("--callgrind-n", type=int, default=100_000_000,
                        help="callgrind: fib(N) instructions minus fib(2) instructions")
    parser.add_argument("--no-callgrind", action="store_true", help="skip the callgrind counts")
    parser.add_argument("--sum-size", type=int, default=10_000_000, help="memoryview: array length")
    parser.add_argument("--hist-n", type=int, default=100_000_000, help="histogram: values per fill")
    parser.add_argument("--hist-threads", type=int, default=2, help="histogram: threads, one instance each")
    parser.add_argument("--quick", action="store_true",
                        help="a fast smoke run: N = 1e8, fewer repeats, callgrind N = 1e7")
    args = parser.parse_args()
    if args.quick:
        args.n, args.repeat, args.build_repeat, args.thread_repeat = 100_000_000, 2, 1, 1
        args.callgrind_n, args.sum_size, args.hist_n = 10_000_000, 1_000_000, 10_000_000
    try:
        return Bench(args).main()
    except CommandFailed as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
