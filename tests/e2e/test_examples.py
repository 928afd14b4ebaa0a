"""End to end: every program under examples/ does what examples/README.md says.

* A file that carries `# expected-error` comments is an example of code pyxx
  rejects: `pyxx check --verify` must report exactly those errors.
* Every other .pyx must get no diagnostic from `pyxx check` and is built with `pyxx build`; when its folder has `demo.py`,
  the demo runs against the built modules (`python3 demo.py MODULE_DIR`) and
  must exit 0 (the demos check their own results).
"""
import glob
import os
import shutil
import sys
import tempfile
import unittest

import support
from support import OPTIONS, run


def example_folders():
    root = os.path.join(OPTIONS.source_dir, "examples")
    return sorted(d for d in glob.glob(os.path.join(root, "*")) if os.path.isdir(d))


BUILD_FILES = ("Makefile", "CMakeLists.txt", "pyproject.toml", "meson.build", "setup.py")


def is_build_project(folder):
    """A folder that shows a build system (make, CMake, setuptools, meson)."""
    return any(os.path.exists(os.path.join(folder, name)) for name in BUILD_FILES)


def expects_errors(path):
    with open(path, encoding="utf-8") as source:
        return "# expected-error" in source.read()


class Examples(unittest.TestCase):
    def test_every_example(self):
        folders = example_folders()
        self.assertTrue(folders, "no examples found")
        for folder in folders:
            with self.subTest(example=os.path.basename(folder)):
                self.check_folder(folder)

    def check_folder(self, folder):
        if is_build_project(folder):
            # Built with its own build system by its own test, which
            # examples/README.md names; this test checks that it does.
            with open(os.path.join(OPTIONS.source_dir, "examples", "README.md"), encoding="utf-8") as f:
                readme = f.read()
            name = os.path.basename(folder)
            self.assertIn(f"## {name}/", readme)
            self.assertRegex(readme.split(f"## {name}/", 1)[1].split("\n## ", 1)[0], r"`e2e/\w+`")
            return
        out = tempfile.mkdtemp(prefix="pyxx-example-")
        self.addCleanup(shutil.rmtree, out)
        sources = sorted(glob.glob(os.path.join(folder, "*.pyx")))
        self.assertTrue(sources, f"{folder} has no .pyx file")
        for source in sources:
            if expects_errors(source):
                run([OPTIONS.pyxx, "check", "--verify", source], check=True)
            else:
                # A program meant to work gets no diagnostic at all, warnings included.
                result = run([OPTIONS.pyxx, "check", source])
                self.assertEqual((result.returncode, result.stderr), (0, ""), source)
                support.pyxx_build(OPTIONS.pyxx, source, out)
        demo = os.path.join(folder, "demo.py")
        if os.path.exists(demo):
            run([sys.executable, demo, out], check=True)


if __name__ == "__main__":
    support.parse_options_then_run_unittest()
