"""TensorFlow Lite's C library, bound with ctypes: just enough to run a model on one thread.

The library and the two speech models (openWakeWord's mel spectrogram and Google's
speech embedding) come inside the ``pyopen-wakeword`` wheel (Apache 2.0), an optional
extra; its own wrapper is not used because it lets TensorFlow Lite start a thread per core
(eight processes of it put this 2-core machine at a load of 20), and the listener must
stay a light, single-threaded process.
"""

from __future__ import annotations

import ctypes
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float32]

_SIGNATURES: dict[str, tuple[list[Any], Any]] = {
    "TfLiteModelCreateFromFile": ([ctypes.c_char_p], ctypes.c_void_p),
    "TfLiteModelDelete": ([ctypes.c_void_p], None),
    "TfLiteInterpreterOptionsCreate": ([], ctypes.c_void_p),
    "TfLiteInterpreterOptionsSetNumThreads": ([ctypes.c_void_p, ctypes.c_int32], None),
    "TfLiteInterpreterOptionsDelete": ([ctypes.c_void_p], None),
    "TfLiteInterpreterCreate": ([ctypes.c_void_p, ctypes.c_void_p], ctypes.c_void_p),
    "TfLiteInterpreterDelete": ([ctypes.c_void_p], None),
    "TfLiteInterpreterResizeInputTensor": (
        [ctypes.c_void_p, ctypes.c_int32, ctypes.POINTER(ctypes.c_int32), ctypes.c_int32],
        ctypes.c_int,
    ),
    "TfLiteInterpreterAllocateTensors": ([ctypes.c_void_p], ctypes.c_int),
    "TfLiteInterpreterInvoke": ([ctypes.c_void_p], ctypes.c_int),
    "TfLiteInterpreterGetInputTensor": ([ctypes.c_void_p, ctypes.c_int32], ctypes.c_void_p),
    "TfLiteInterpreterGetOutputTensor": ([ctypes.c_void_p, ctypes.c_int32], ctypes.c_void_p),
    "TfLiteTensorByteSize": ([ctypes.c_void_p], ctypes.c_size_t),
    "TfLiteTensorCopyFromBuffer": (
        [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t],
        ctypes.c_int,
    ),
    "TfLiteTensorCopyToBuffer": ([ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t], ctypes.c_int),
}

_library: ctypes.CDLL | None = None


def package_folder() -> Path:
    """Where pyopen-wakeword keeps its library and models (ImportError when missing)."""
    import pyopen_wakeword

    return Path(pyopen_wakeword.__file__).parent


def _lib() -> ctypes.CDLL:
    global _library
    if _library is None:
        found = sorted((package_folder() / "lib").glob("*tensorflowlite_c.*"))
        if not found:
            raise ImportError("pyopen-wakeword has no TensorFlow Lite library for this system")
        lib = ctypes.CDLL(str(found[0]))
        for name, (args, result) in _SIGNATURES.items():
            function = getattr(lib, name)
            function.argtypes, function.restype = args, result
        _library = lib
    return _library


class Model:
    """One model with a fixed input shape, run on this thread alone."""

    def __init__(self, path: Path, shape: tuple[int, ...]) -> None:
        lib = _lib()
        self._model = lib.TfLiteModelCreateFromFile(str(path).encode())
        if not self._model:
            raise ImportError(f"TensorFlow Lite could not read {path}")
        options = lib.TfLiteInterpreterOptionsCreate()
        lib.TfLiteInterpreterOptionsSetNumThreads(options, 1)
        self._interpreter = lib.TfLiteInterpreterCreate(self._model, options)
        lib.TfLiteInterpreterOptionsDelete(options)
        dims = (ctypes.c_int32 * len(shape))(*shape)
        lib.TfLiteInterpreterResizeInputTensor(self._interpreter, 0, dims, len(shape))
        if lib.TfLiteInterpreterAllocateTensors(self._interpreter) != 0:
            raise ImportError(f"TensorFlow Lite could not prepare {path}")
        self._input = lib.TfLiteInterpreterGetInputTensor(self._interpreter, 0)
        self._output = lib.TfLiteInterpreterGetOutputTensor(self._interpreter, 0)
        self._input_bytes = int(lib.TfLiteTensorByteSize(self._input))
        self._outputs = int(lib.TfLiteTensorByteSize(self._output)) // 4

    def __call__(self, values: Floats) -> Floats:
        lib = _lib()
        given = np.ascontiguousarray(values, dtype=np.float32)
        if given.nbytes != self._input_bytes:
            raise ValueError(f"expected {self._input_bytes} bytes, got {given.nbytes}")
        lib.TfLiteTensorCopyFromBuffer(self._input, given.ctypes.data, given.nbytes)
        lib.TfLiteInterpreterInvoke(self._interpreter)
        out = np.empty(self._outputs, dtype=np.float32)
        lib.TfLiteTensorCopyToBuffer(self._output, out.ctypes.data, out.nbytes)
        return out

    def __del__(self) -> None:
        lib = _library
        if lib is None:
            return
        if getattr(self, "_interpreter", None):
            lib.TfLiteInterpreterDelete(self._interpreter)
        if getattr(self, "_model", None):
            lib.TfLiteModelDelete(self._model)
