"""Prints every skipped test with its reason at the end of tests/run.sh.

Usage: report_skips.py JUNIT_XML SKIP_LOG

JUNIT_XML is ctest's --output-junit file; SKIP_LOG the lines tests appended
through support.record_skip ("ctest-name[ case]: reason"). A skip must never
count as green unseen: all are printed, and a test ctest reports as not run
without a reason in the log makes this script exit 1.
"""
import os
import sys
import xml.etree.ElementTree as ElementTree


def skipped_ctest_tests(junit):
    tree = ElementTree.parse(junit)
    return sorted(case.get("name") for case in tree.iter("testcase")
                  if case.get("status") in ("notrun", "disabled"))


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    junit, log = sys.argv[1:]
    reasons = []
    if os.path.exists(log):
        with open(log, encoding="utf-8") as lines:
            reasons = sorted({line.rstrip("\n") for line in lines if line.strip()})
    skipped = skipped_ctest_tests(junit) if os.path.exists(junit) else []
    unexplained = [name for name in skipped
                   if not any(r.startswith((name + ":", name + " ")) for r in reasons)]
    if not reasons and not skipped:
        print("no test was skipped")
        return 0
    print(f"skipped: {len(skipped)} ctest test(s), {len(reasons)} reason(s):")
    for reason in reasons:
        print(f"  {reason}")
    for name in unexplained:
        print(f"  {name}: skipped WITHOUT a reason (report it with support.skip_program)")
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
