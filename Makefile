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

# Benchmarks, in one command: the Swift benchmarks (a separate package under Benchmarks/, built in
# release mode by the plugin; per-operation medians, percentiles and malloc counts, checked against
# thresholds), then the side-by-side runs against the peer tools (benchmarks/peers/run.sh: River
# for the detectors, radCAD for the AMM model; their venvs are made on first use).
# `make bench BENCH_ARGS="--target MathBenchmarks"` runs only that Swift target (no peers); the
# first build takes a few minutes.
bench:
	swift package --package-path Benchmarks benchmark $(BENCH_ARGS)
	$(if $(BENCH_ARGS),,benchmarks/peers/run.sh all)
