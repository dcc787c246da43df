"""Compilation checker: compiles a TypeScript or C++ file sent as text and reports the compiler's errors."""

import os
import subprocess
import tempfile

from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI(title="CompilationNow")
COMPILERS = {".ts": ["tsc", "--noEmit"], ".cpp": ["g++", "-fsyntax-only"]}


class CompileRequest(BaseModel):
    fileName: str
    fileContent: str


class CompileResult(BaseModel):
    hasError: bool
    compilerError: str | None = None


# expect: VC201
@app.post("/compile", response_model=CompileResult)
def compile_file(req: CompileRequest):
    workdir = tempfile.mkdtemp(prefix="compile-")
    path = os.path.join(workdir, req.fileName)
    # expect: VC405/VC409
    with open(path, "w") as fh:
        fh.write(req.fileContent)
    if req.fileName.endswith(".ts"):
        command = f"tsc --noEmit {path}"
    else:
        command = f"g++ -fsyntax-only {path}"
    # expect: VC421/VC408
    proc = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=30)
    if proc.returncode != 0:
        return CompileResult(hasError=True, compilerError=(proc.stdout + proc.stderr).strip())
    return CompileResult(hasError=False)


@app.post("/compile/v2", response_model=CompileResult)
def compile_file_v2(req: CompileRequest):
    suffix = os.path.splitext(req.fileName)[1]
    if suffix not in COMPILERS:
        return CompileResult(hasError=True, compilerError="unsupported file type")
    with tempfile.TemporaryDirectory() as workdir:
        path = os.path.join(workdir, "main" + suffix)
        with open(path, "w") as fh:
            fh.write(req.fileContent)
        # ok: VC421/VC408
        proc = subprocess.run([*COMPILERS[suffix], path], capture_output=True, text=True, timeout=30)
    if proc.returncode != 0:
        return CompileResult(hasError=True, compilerError=(proc.stdout + proc.stderr).replace(workdir, ""))
    return CompileResult(hasError=False)


@app.post("/run")
def run_snippet(req: CompileRequest):
    with tempfile.TemporaryDirectory() as workdir:
        source = os.path.join(workdir, "main.cpp")
        with open(source, "w") as fh:
            fh.write(req.fileContent)
        build = subprocess.run(["g++", source, "-o", os.path.join(workdir, "a.out")], capture_output=True, text=True)
        if build.returncode != 0:
            return {"ok": False, "output": build.stderr}
        # expect: VC413
        run = subprocess.run([os.path.join(workdir, "a.out")], capture_output=True, text=True, timeout=5)
        return {"ok": run.returncode == 0, "output": run.stdout}
