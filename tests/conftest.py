import sys
from pathlib import Path

# Tests import the small build helpers in tests/sitebuild.py directly.
sys.path.insert(0, str(Path(__file__).parent))
