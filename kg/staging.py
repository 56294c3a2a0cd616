"""A build's staging folder: everything is written there first, then moved into the
output folder, each file by an atomic rename, the store by an atomic exchange of two
folders. A failed or killed build leaves the previous output in place (each file whole,
the old one or the new one) and a hidden `.kg-build-*.tmp` folder, which the next
build removes.

The staging folder lives inside the output folder (`.kg-build-PID-XXXX.tmp/`), so the
renames never cross file systems; it also holds the build's spool (its sorted runs,
about as big as the N-Triples output) while the build runs.
"""
from __future__ import annotations

import ctypes
import errno
import logging
import os
import re
import shutil
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

_PREFIX = ".kg-build-"
_RENAME_EXCHANGE = 2  # linux/fs.h


class Staging:
    """The staging folder of one build into `out_dir` (see the module docstring):
    `files` mirrors the output folder, `spool` holds the build's scratch files."""

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        remove_leftovers(self.out_dir)
        self.root = Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-", suffix=".tmp",
                                          dir=self.out_dir))
        self.files = self.root / "out"
        self.spool = self.root / "spool"
        self.files.mkdir()
        self.spool.mkdir()
        (self.files / "text").mkdir()

    def commit(self, store: str | None = None) -> list[Path]:
        """Move every staged file into the output folder (and the folder `store`, whole),
        remove the texts of documents no longer built, and the staging folder."""
        moved = []
        staged = sorted(p for p in self.files.rglob("*") if p.is_file()
                        and not (store and p.relative_to(self.files).parts[0] == store))
        for path in staged:
            rel = path.relative_to(self.files)
            target = self.out_dir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(path, 0o644)
            os.replace(path, target)
            moved.append(target)
        if store:
            replace_folder(self.files / store, self.out_dir / store)
            moved.append(self.out_dir / store)
        texts = {p.name for p in staged if p.parent.name == "text"}
        for old in sorted((self.out_dir / "text").glob("*.txt")):
            if old.name not in texts:
                old.unlink(missing_ok=True)
        self.discard()
        return moved

    def discard(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def replace_folder(new: Path, target: Path) -> None:
    """Put the folder `new` at `target`, in one step where the system can (Linux's
    renameat2 exchange), then remove the folder it replaced."""
    if not target.exists():
        os.rename(new, target)
        return
    if _exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # now the previous one
        return
    old = target.with_name(f"{_PREFIX}{os.getpid()}-old.tmp")
    os.rename(target, old)  # not atomic: for a moment there is no store
    os.rename(new, target)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def remove_leftovers(out_dir: Path) -> None:
    """Staging folders of builds that are no longer running, and the temporary files of
    older kg versions (`.NAME.*.tmp`)."""
    for path in out_dir.glob(f"{_PREFIX}*.tmp"):
        m = re.match(rf"{re.escape(_PREFIX)}(\d+)-", path.name)
        if m and int(m.group(1)) != os.getpid() and _running(int(m.group(1))):
            continue
        log.info("removing %s, left by a build that did not finish", path)
        shutil.rmtree(path, ignore_errors=True)
    for folder in (out_dir, out_dir / "text", out_dir / "neo4j", out_dir / "kuzu"):
        if folder.is_dir():
            for path in folder.glob(".*.tmp"):
                if path.is_file():
                    path.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
