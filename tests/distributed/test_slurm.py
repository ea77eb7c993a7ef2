"""Slurm via dask-jobqueue: the job script is rendered from a YAML file, no Slurm needed."""

from __future__ import annotations

import pytest

pytest.importorskip("dask_jobqueue")

from newsevents.cli import main  # noqa: E402
from newsevents.distributed.slurm import cluster_kwargs, job_script, load_config  # noqa: E402
from newsevents.errors import UsageError  # noqa: E402

CONFIG = """\
slurm:
  queue: politics
  account: newsproj
  cores: 6
  memory: 12GB
  walltime: "03:30:00"
  job_script_prologue:
    - source /opt/newsevents/.venv/bin/activate
jobs: 3
"""


def test_job_script_follows_the_config(tmp_path):
    path = tmp_path / "slurm.yaml"
    path.write_text(CONFIG)
    script = job_script(path)
    assert "#SBATCH -p politics" in script and "#SBATCH -A newsproj" in script
    assert "#SBATCH -t 03:30:00" in script and "--cpus-per-task=6" in script
    assert "source /opt/newsevents/.venv/bin/activate" in script
    # one single-threaded worker process per core (spaCy holds the GIL)
    assert "--nworkers 6" in script and "--nthreads 1" in script
    assert load_config(path)["jobs"] == 3


def test_defaults_and_bad_configs(tmp_path):
    assert cluster_kwargs({"slurm": {"cores": 4}})["processes"] == 4
    assert cluster_kwargs({"slurm": {}})["memory"] == "2GB"
    bad = tmp_path / "bad.yaml"
    for text in ("slurm: [1, 2]", "slurm: {}\nworkers: 3", "slurm: {cores: 2\n"):
        bad.write_text(text)
        with pytest.raises(UsageError):
            load_config(bad)
    with pytest.raises(UsageError):
        load_config(None)


def test_job_script_command(tmp_path, capsys):
    path = tmp_path / "slurm.yaml"
    path.write_text(CONFIG)
    assert main(["cluster", "job-script", str(path)]) == 0
    assert capsys.readouterr().out.startswith("#!/usr/bin/env bash")


def test_no_slurm_worker_is_a_clear_error_not_a_hang(tmp_path):
    from newsevents.distributed.engine import connect
    from newsevents.errors import NewsEventsError

    path = tmp_path / "slurm.yaml"
    path.write_text("slurm: {cores: 1, memory: 1GB}\njobs: 1\nwait: 1\n")
    with pytest.raises(NewsEventsError, match="no Slurm worker"):
        with connect(cluster="slurm", cluster_config=path):
            pass
