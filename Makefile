# The two commands of the README, and the benchmark command.
.PHONY: run test bench

# The main job: every built-in scenario with the defence off and on, a summary table on the
# terminal and a self-contained HTML report in out/report.html.
run:
	scripts/bootstrap
	swift build -c release --product antibody
	mkdir -p out
	.build/release/antibody simulate --report out/report.html

test:
	bash .ci/run

# Benchmarks (a separate package under Benchmarks/, built in release mode by the plugin): prints
# per-operation medians, percentiles and malloc counts. `make bench BENCH_ARGS="--filter mulDiv"`
# narrows the run; the first build takes a few minutes.
bench:
	swift package --package-path Benchmarks benchmark $(BENCH_ARGS)
