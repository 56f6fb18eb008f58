"""Builds libcollisionmodel.so (dotnet publish of src/CollisionModel.Native, NativeAOT; needs clang and zlib1g-dev)
into the package before setuptools copies it: `pip install --no-build-isolation ./python` needs no network beyond
NuGet's local cache."""

import os
import shutil
import subprocess

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.join(HERE, "..", "src", "CollisionModel.Native", "CollisionModel.Native.csproj")


class BuildNative(build_py):
    def run(self):
        out = os.path.join(HERE, "build", "native")
        subprocess.run(["dotnet", "publish", PROJECT, "-c", "Release", "-r", "linux-x64", "-o", out], check=True)
        shutil.copy(os.path.join(out, "libcollisionmodel.so"), os.path.join(HERE, "collisionmodel", "libcollisionmodel.so"))
        super().run()


setup(cmdclass={"build_py": BuildNative})
