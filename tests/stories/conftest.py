import sys
from pathlib import Path

# the invented corpus and result builders live with the store tests
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
