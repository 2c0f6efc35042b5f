# The two commands of the README, and the benchmark command.
.PHONY: run test bench

run:
	scripts/bootstrap
	swift build -c release --product antibody
	.build/release/antibody --help

test:
	bash .ci/run
