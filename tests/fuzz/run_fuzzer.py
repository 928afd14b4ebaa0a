"""One bounded libFuzzer run, as a ctest: the fuzzer starts from the seed corpus
(the test programs and tests/fuzz/regressions) and mutates for a fixed time
with a fixed seed.

Usage: run_fuzzer.py --fuzzer PATH --seconds N --artifacts DIR SEED_DIR...

New inputs go to a temporary directory (the seed directories are never
written). A crash, an invariant violation, a timeout or running out of memory
fails the test; the input is saved in DIR and the command to reproduce it is
printed. Extra arguments after `--` go to the fuzzer.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fuzzer", required=True)
    parser.add_argument("--seconds", type=int, required=True)
    parser.add_argument("--artifacts", required=True)
    parser.add_argument("seeds", nargs="+")
    args, extra = parser.parse_known_args()
    extra = [a for a in extra if a != "--"]
    os.makedirs(args.artifacts, exist_ok=True)
    before = set(os.listdir(args.artifacts))
    with tempfile.TemporaryDirectory(prefix="pyxx-fuzz-") as corpus:
        command = [args.fuzzer, f"-max_total_time={args.seconds}", "-seed=1", "-max_len=4096",
                   "-timeout=20", "-rss_limit_mb=2048", "-print_final_stats=1",
                   f"-artifact_prefix={args.artifacts}/", *extra, corpus, *args.seeds]
        print(" ".join(command), flush=True)
        result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                errors="replace")
    output = result.stdout
    found = sorted(set(os.listdir(args.artifacts)) - before)
    if result.returncode != 0 or found:
        print(output[-20000:])
        print(f"error: {os.path.basename(args.fuzzer)} exited {result.returncode}", file=sys.stderr)
        for name in found:
            path = os.path.join(args.artifacts, name)
            print(f"  saved input: {path}\n  reproduce:   {args.fuzzer} {path}", file=sys.stderr)
        return 1
    runs = re.findall(r"stat::number_of_executed_units:\s*(\d+)", output)
    done = [line for line in output.splitlines() if " DONE " in line]
    if not runs or int(runs[-1]) == 0:
        print(output[-5000:])
        print("error: the fuzzer ran no input", file=sys.stderr)
        return 1
    print(done[-1] if done else "")
    print(f"{runs[-1]} inputs run in {args.seconds} s, no crash and no invariant violated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
