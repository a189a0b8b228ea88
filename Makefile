# Tiemap — `make demo` runs the main job on the sample account, `make test` runs the tests.
SWIFT      ?= swift
SAMPLE     := datasets/sample
SAMPLE_IN  := --contacts $(SAMPLE)/contacts.csv --ties $(SAMPLE)/ties.csv --interactions $(SAMPLE)/interactions.csv
RELEASE    := .build/release/tiemap
OUT        := out

.PHONY: setup build release test demo bench sample oracle clean

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release --product tiemap

test: setup
	$(SWIFT) build
	$(SWIFT) test

demo: release
	@mkdir -p $(OUT)
	$(RELEASE) info $(SAMPLE_IN) --format table
	$(RELEASE) info $(SAMPLE_IN) --format json -o $(OUT)/summary.json
	$(RELEASE) metrics $(SAMPLE_IN) --format table | head -12
	$(RELEASE) metrics $(SAMPLE_IN) --format csv -o $(OUT)/metrics.csv
	$(RELEASE) metrics $(SAMPLE_IN) --kind advice --format csv -o $(OUT)/metrics-advice.csv
	$(RELEASE) ties $(SAMPLE_IN) --format csv -o $(OUT)/ties.csv
	$(RELEASE) brokers $(SAMPLE_IN) --group-by department --format csv -o $(OUT)/brokers.csv
	$(RELEASE) brokers $(SAMPLE_IN) --group-by department --weak-ties --format table
	@echo "wrote $(OUT)/summary.json, metrics.csv, metrics-advice.csv, ties.csv, brokers.csv"

bench: release
	@scripts/setup.sh bench
	cd Benchmarks && $(SWIFT) build -c release
	Benchmarks/.build/release/tiemap-bench --tiemap $(RELEASE)

# Regenerate the committed NetworkX fixtures of Tests/Fixtures (scripts/oracle.py; minutes, mostly email-Eu-core).
oracle:
	@scripts/setup.sh oracle
	python3 scripts/oracle.py
	python3 scripts/oracle.py brokerage
	python3 scripts/oracle.py directed
	python3 scripts/oracle.py sampled

# Regenerate the committed sample account (byte-identical for the same seed).
sample: setup
	$(SWIFT) run -c release tiemap-sample -o $(SAMPLE)

clean:
	rm -rf .build Benchmarks/.build $(OUT)
