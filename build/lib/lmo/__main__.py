import sys

from lmo.cli import main

sys.exit(main())
