"""`python -m demogen`: the same command as `demogen`."""

from demogen.cli import main

main()
