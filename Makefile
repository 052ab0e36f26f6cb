# The two commands of the project. Each sets up what it needs first (see scripts/setup.sh).
.PHONY: run test setup bench fuzz

run:
	@scripts/run.sh

test:
	@scripts/test.sh

setup:
	@scripts/setup.sh

# Every performance figure in one run (see scripts/bench.sh).
bench:
	@scripts/bench.sh

# Every fuzz target for a bounded time (see scripts/fuzz.sh); not part of `make test`.
fuzz:
	@scripts/fuzz.sh
