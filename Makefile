# Tiemap — `make demo` runs the main job on the sample account, `make test` runs the tests.
SWIFT      ?= swift
SAMPLE     := datasets/sample
SAMPLE_IN  := --contacts $(SAMPLE)/contacts.csv --ties $(SAMPLE)/ties.csv --interactions $(SAMPLE)/interactions.csv
SAMPLE_REF := --surveys $(SAMPLE)/surveys.csv --referrals $(SAMPLE)/referrals.csv
RELEASE    := .build/release/tiemap
OUT        := out

.PHONY: setup build release test demo check-report check-formats killtest-workspace bench sample oracle clean spark-test killtest fuzz sanitize

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release --product tiemap
	$(SWIFT) build -c release --product tiemap-sample

# The unit and CLI tests, then the demo's report in a real headless browser and every hostile name through every
# writer, read back by Chromium, Graphviz's dot, an XML parser, csv and json (check-report).
test: setup
	$(SWIFT) build
	$(SWIFT) test
	$(MAKE) check-report
	$(MAKE) check-formats
	$(MAKE) killtest-workspace

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
	$(RELEASE) map $(SAMPLE_IN) -o $(OUT)/org-map.svg
	$(RELEASE) map $(SAMPLE_IN) -o $(OUT)/org-map.png
	$(RELEASE) map $(SAMPLE_IN) --layout network -o $(OUT)/network-map.svg
	$(RELEASE) map $(SAMPLE_IN) --layout network -o $(OUT)/network-map.png
	$(RELEASE) map $(SAMPLE_IN) --focus NL-035 --depth 1 -o $(OUT)/focus-NL-035.svg
	$(RELEASE) map $(SAMPLE_IN) --chart proximity -o $(OUT)/chart-proximity.svg
	$(RELEASE) map $(SAMPLE_IN) --chart matrix -o $(OUT)/chart-matrix.svg
	$(RELEASE) map $(SAMPLE_IN) --chart grid -o $(OUT)/chart-grid.svg
	$(RELEASE) map $(SAMPLE_IN) --fit slide -o $(OUT)/slides.pdf
	$(RELEASE) map $(SAMPLE_IN) -o $(OUT)/deck.pptx
	$(RELEASE) convert $(SAMPLE_IN) --with-measures -o $(OUT)/graph.graphml
	rm -f $(OUT)/sample.tiemap $(OUT)/sample.tiemap-wal $(OUT)/sample.tiemap-shm && $(RELEASE) import --workspace $(OUT)/sample.tiemap --as-of 2026-10-31 $(SAMPLE_IN) $(SAMPLE_REF)
	$(RELEASE) account $(SAMPLE_IN) --format table | head -60
	$(RELEASE) account $(SAMPLE_IN) --format json -o $(OUT)/account.json
	$(RELEASE) path $(SAMPLE_IN) --to NL-004 --format table
	$(RELEASE) reach $(SAMPLE_IN) --best 5 --targets decision-circuit --probability wc --format table
	$(RELEASE) reach $(SAMPLE_IN) --from NL-035 --format json -o $(OUT)/reach-NL-035.json
	$(RELEASE) referrals $(SAMPLE_IN) $(SAMPLE_REF) --format json -o $(OUT)/referrals.json
	$(RELEASE) trust $(SAMPLE_IN) --format table --timeline $(OUT)/trust-timeline.csv
	$(RELEASE) trust $(SAMPLE_IN) --audit --format csv -o $(OUT)/contact-audit.csv
	$(RELEASE) report $(SAMPLE_IN) $(SAMPLE_REF) -o $(OUT)/report.html
	$(RELEASE) report $(SAMPLE_IN) $(SAMPLE_REF) -o $(OUT)/plan.pptx
	$(RELEASE) score $(SAMPLE_IN) -o $(OUT)/scored.csv --accounts-out $(OUT)/accounts.csv
	$(RELEASE) score $(SAMPLE_IN) -o $(OUT)/scored.xlsx --accounts-out $(OUT)/accounts.xlsx --quiet
	.build/release/tiemap-sample --churn --accounts 8 -o $(OUT)/churn
	$(RELEASE) patterns --contacts $(OUT)/churn/contacts.csv --interactions $(OUT)/churn/interactions.csv --format table --top 8
	$(RELEASE) risk --contacts $(OUT)/churn/contacts.csv --interactions $(OUT)/churn/interactions.csv --format json -o $(OUT)/risk.json --survival $(OUT)/survival.csv
	$(RELEASE) report --contacts $(OUT)/churn/contacts.csv --ties $(OUT)/churn/ties.csv --interactions $(OUT)/churn/interactions.csv --account "Northwind Logistics" -o $(OUT)/report-churn.html
	@echo "wrote $(OUT)/: summary.json, metrics.csv, metrics-advice.csv, ties.csv, brokers.csv, org-map.svg/.png,"
	@echo "  network-map.svg/.png, focus-NL-035.svg, chart-proximity.svg, chart-matrix.svg, chart-grid.svg,"
	@echo "  account.json, reach-NL-035.json, referrals.json, trust-timeline.csv, contact-audit.csv, report.html,"
	@echo "  scored.csv/.xlsx, accounts.csv/.xlsx, slides.pdf (the org map on 16:9 slides), deck.pptx (the same as a PowerPoint deck),"
	@echo "  plan.pptx (the account plan as a deck), graph.graphml (for Gephi, NetworkX, igraph),"
	@echo "  sample.tiemap (a workspace holding the sample as the snapshot of 2026-10-31: tiemap account --workspace out/sample.tiemap),"
	@echo "  churn/ (the sample with a churn process: tiemap-sample --churn), risk.json, survival.csv, report-churn.html"

# Open the demo's report in headless Chromium: the script runs with no error, nothing external is requested,
# and out/report.png is the screenshot to look at.
check-report: demo
	@scripts/setup.sh browser
	scripts/check-report.sh $(OUT)/report.html $(OUT)/report.png
	scripts/py scripts/check-escaping.py $(RELEASE)
	scripts/py scripts/check-office.py $(OUT)

# tiemap convert's GraphML, GEXF and node-link JSON read back by NetworkX and igraph (scripts/check-formats.py).
check-formats: release
	@scripts/setup.sh formats
	scripts/py scripts/check-formats.py $(RELEASE)

# tiemap import killed by SIGKILL at 20 random moments: every workspace passes integrity_check and holds the old
# snapshot or the new one (scripts/killtest_workspace.py; about a minute).
killtest-workspace: release
	$(SWIFT) build -c release --product tiemap-sample
	python3 scripts/killtest_workspace.py $(RELEASE) .build/release/tiemap-sample $(if $(KILLS),$(KILLS),20)

# The Spark job (scripts/spark_score.py, local[2]) on a generated portfolio equals the single-process score run.
spark-test: setup
	scripts/spark-test.sh

# score, metrics -o and report killed by SIGKILL, SIGTERM and SIGINT at random moments, 50 times each: every output
# is the old file or the complete new one, and no temporary file is left (scripts/killtest.py; about 5 minutes).
killtest: release
	$(SWIFT) build -c release --product tiemap-sample
	python3 scripts/killtest.py $(RELEASE) .build/release/tiemap-sample $(if $(KILLS),$(KILLS),50)

# libFuzzer on every reader (Fuzz/, scripts/fuzz.sh): FUZZ_SECONDS per target (600), FUZZ_JOBS at a time (2).
fuzz: setup
	scripts/fuzz.sh

# The test suite under AddressSanitizer, then under ThreadSanitizer (scripts/sanitize.sh).
sanitize: setup
	scripts/sanitize.sh

bench: release
	@scripts/setup.sh bench
	cd Benchmarks && $(SWIFT) build -c release
	$(SWIFT) build -c release --product tiemap-sample
	TIEMAP_PYTHON=$(CURDIR)/scripts/py Benchmarks/.build/release/tiemap-bench --tiemap $(RELEASE) $(if $(ONLY),--only $(ONLY))

# Regenerate the committed NetworkX fixtures of Tests/Fixtures (scripts/oracle.py; minutes, mostly email-Eu-core).
oracle:
	@scripts/setup.sh oracle
	scripts/py scripts/oracle.py
	scripts/py scripts/oracle.py brokerage
	scripts/py scripts/oracle.py directed
	scripts/py scripts/oracle.py sampled
	scripts/py scripts/oracle.py leiden

# Regenerate the committed sample account (byte-identical for the same seed).
sample: setup
	$(SWIFT) run -c release tiemap-sample -o $(SAMPLE)

clean:
	rm -rf .build Benchmarks/.build $(OUT)
