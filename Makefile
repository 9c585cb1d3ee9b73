# polcomp: the two commands a new user runs are `make run` and `make test`.
MVN ?= mvn
MVN_FLAGS ?= -B -q
JAR := target/polcomp.jar
POLCOMP := bin/polcomp

.PHONY: build run test bench fuzz clean

## build: the runnable jar target/polcomp.jar (dependencies inside), and a class-data archive
## of a validate run (target/polcomp.jsa) that bin/polcomp uses to start sooner
build:
	$(MVN) $(MVN_FLAGS) -DskipTests package
	@rm -f target/polcomp.jsa
	@java -XX:ArchiveClassesAtExit=target/polcomp.jsa -Xlog:cds=off -Xlog:cds+dynamic=off \
	  -jar $(JAR) validate policies > /dev/null 2>&1; \
	  test -s target/polcomp.jsa || echo "build: no class-data archive (optional, start-up is slower)"

## run: build, then compare the default dataset policies/ into out/comparison.xlsx
run: build
	@mkdir -p out
	$(POLCOMP) compare policies -o out/comparison.xlsx

## test: build and run every test (what CI runs)
test:
	$(MVN) -B verify

## bench: speed and memory of validate (and later classify, compare) on 1k, 10k and 100k
## generated municipalities in target/bench-data/; prints a Markdown table
bench: build
	bash src/test/bench/bench.sh

## fuzz: coverage-guided fuzzing of reader, binder and validator for FUZZ_TIME (default 2m);
## a failing input is saved next to the seeds and then runs in every `make test`
FUZZ_TIME ?= 2m
FUZZ_LOG := target/fuzz.log
fuzz:
	@mkdir -p target
	@echo "fuzz: ValidateFuzzTest for $(FUZZ_TIME) (log: $(FUZZ_LOG))"
	@JAZZER_FUZZ=1 $(MVN) -B test -Dtest=ValidateFuzzTest -Djazzer.hooks=true \
	  -Dsurefire.failIfNoSpecifiedTests=false \
	  -DargLine="-Xmx1g -Djazzer.max_duration=$(FUZZ_TIME) -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-timeout=10 -Djazzer.instrument=org.polcomp.**,org.snakeyaml.engine.**,tools.jackson.dataformat.yaml.**" \
	  > $(FUZZ_LOG) 2>&1; rc=$$?; \
	  grep -E '^Done [0-9]+ runs' $(FUZZ_LOG) | sed 's/^/fuzz: /' || true; \
	  grep -E '^== Java Exception|ERROR: libFuzzer|Test unit written|Tests run:.*Fail' $(FUZZ_LOG) | head -20; \
	  if [ $$rc -eq 0 ]; then echo "fuzz: no findings"; else echo "fuzz: FAILED (exit $$rc), see $(FUZZ_LOG)"; fi; \
	  exit $$rc

clean:
	$(MVN) $(MVN_FLAGS) clean
	rm -rf out
