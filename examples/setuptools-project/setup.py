from setuptools import setup

from pyxx.setuptools import PyxxExtension, build_ext

setup(
    packages=["fastsum"],
    ext_modules=[
        # `scaled` cimports from `core`; the order does not matter.
        PyxxExtension("fastsum.scaled", ["fastsum/scaled.py"]),
        PyxxExtension("fastsum.core", ["fastsum/core.py"]),
    ],
    cmdclass={"build_ext": build_ext},
)
