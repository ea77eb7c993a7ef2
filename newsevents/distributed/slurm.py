"""HPC: a Dask cluster of Slurm jobs (dask-jobqueue), configured from a YAML file.

Example ``slurm.yaml``::

    slurm:                       # keyword arguments of dask_jobqueue.SLURMCluster
      queue: normal
      account: myproject
      cores: 8
      processes: 8               # one single-threaded worker per core (default)
      memory: 16GB
      walltime: "02:00:00"
      job_script_prologue:
        - source /home/me/newsevents/.venv/bin/activate
      local_directory: /tmp
    jobs: 4                      # Slurm jobs to start, or:
    # adapt: {minimum_jobs: 1, maximum_jobs: 20}
    wait: 3600                   # seconds to wait for the first worker (default 1 h)

``newsevents ingest … --engine dask --cluster slurm --cluster-config slurm.yaml``
starts the jobs, codes, and releases them.  ``newsevents cluster job-script
slurm.yaml`` prints the batch script that would be submitted (no Slurm needed).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from ..errors import UsageError

log = logging.getLogger(__name__)

_TOP_KEYS = {"slurm", "jobs", "adapt", "wait"}

#: Seconds to wait for the first worker (queueing included) before giving up.
DEFAULT_WAIT = 3600


def load_config(path: str | os.PathLike | None) -> dict[str, Any]:
    """Read and check a cluster YAML file (see the module docstring)."""
    import yaml

    if path is None:
        raise UsageError("--cluster slurm needs --cluster-config FILE.yaml")
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise UsageError(f"cannot read cluster config {path}: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        raise UsageError(f"cluster config {path} is not valid YAML: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("slurm", {}), dict):
        raise UsageError(f"cluster config {path}: expected a mapping with a 'slurm' section")
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise UsageError(f"cluster config {path}: unknown keys {sorted(unknown)}; "
                         f"allowed: {sorted(_TOP_KEYS)}")
    return data


def cluster_kwargs(config: dict[str, Any]) -> dict[str, Any]:
    """SLURMCluster keyword arguments, with newsevents' defaults filled in."""
    kwargs = dict(config.get("slurm") or {})
    kwargs.setdefault("cores", 1)
    kwargs.setdefault("memory", f"{2 * int(kwargs['cores'])}GB")
    # spaCy holds the GIL: one process per core, one thread each.
    kwargs.setdefault("processes", int(kwargs["cores"]))
    kwargs.setdefault("job_name", "newsevents")
    return kwargs


def new_cluster(config: dict[str, Any]):
    """A SLURMCluster from a loaded config, not yet scaled."""
    from dask_jobqueue import SLURMCluster

    try:
        return SLURMCluster(**cluster_kwargs(config))
    except TypeError as exc:
        raise UsageError(f"bad 'slurm' settings in the cluster config: {exc}") from None


def make_cluster(path: str | os.PathLike | None):
    """Start a Slurm cluster from the YAML file at ``path`` and ask for its jobs."""
    config = load_config(path)
    cluster = new_cluster(config)
    if config.get("adapt"):
        cluster.adapt(**dict(config["adapt"]))
    else:
        cluster.scale(jobs=int(config.get("jobs", 1)))
    log.info("Slurm cluster at %s", cluster.scheduler_address)
    return cluster


def wait_seconds(path: str | os.PathLike | None) -> float:
    """How long to wait for the first Slurm worker (the config's ``wait``)."""
    return float(load_config(path).get("wait", DEFAULT_WAIT))


def job_script(path: str | os.PathLike) -> str:
    """The Slurm batch script the config at ``path`` would submit (needs no Slurm)."""
    cluster = new_cluster(load_config(path))
    try:
        return cluster.job_script()
    finally:
        cluster.close()
