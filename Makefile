# polcomp: the two commands a new user runs are `make run` and `make test`.
MVN ?= mvn
MVN_FLAGS ?= -B -q -Dstyle.color=never
JAR := target/polcomp.jar
JSA := target/polcomp.jsa
POLCOMP := bin/polcomp
# What the jar, the man pages and the completion script are made from: make rebuilds them only
# when one of these is newer, so `make run` then `make test` does not build the jar twice.
SOURCES := pom.xml $(shell find src/main -type f 2>/dev/null) src/build/Embed.java \
  src/test/java/org/polcomp/docs/ManPages.java

# make install: PREFIX/bin/polcomp, the jar in PREFIX/share/polcomp, man pages, completion.
PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(DESTDIR)$(PREFIX)/bin
DATADIR = $(DESTDIR)$(PREFIX)/share/polcomp
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHCOMPDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions

.PHONY: golden build run test bench fuzz clean install uninstall

## build: the runnable jar target/polcomp.jar (dependencies inside), its man pages
## (target/man1/) and completion script (target/completion/), and a class-data archive of every
## command (target/polcomp.jsa, src/build/cds.sh) that bin/polcomp uses to start sooner
build: $(JSA)

$(JAR): $(SOURCES)
	$(MVN) $(MVN_FLAGS) -DskipTests package
	@touch $(JAR)

$(JSA): $(JAR) src/build/cds.sh
	@bash src/build/cds.sh "$(CURDIR)/$(JAR)" "$(CURDIR)/$(JSA)"

## run: build, then compare the default dataset policies/ into out/comparison.xlsx and out/comparison.html
run: build
	@mkdir -p out
	$(POLCOMP) compare policies -o out/comparison.xlsx
	$(POLCOMP) compare policies -o out/comparison.html -q

## test: build and run every test (what CI runs)
test:
	$(MVN) -B verify

## bench: speed and memory of every command on 1k, 10k and 100k generated municipalities in
## target/bench-data/, then polcomp side by side with a PyYAML + openpyxl script
## (src/test/bench/peer.py) on policies/, 2,000 and 100,000 municipalities; Markdown tables
bench: build
	bash src/test/bench/bench.sh

## fuzz: coverage-guided fuzzing, each target in FUZZ_TARGETS for FUZZ_TIME (default 2m) in
## turn: ValidateFuzzTest (reader, binder, validator), YamlDifferentialFuzzTest (the reader's
## fast path against snakeyaml-engine), CodebookFuzzTest (the codebook loader) and CliFuzzTest
## (whole command lines, in-process); `make fuzz FUZZ_TARGETS=CliFuzzTest` picks
## some. A failing input is saved next to the target's seeds and then runs in every `make test`.
## A new target is one more word in FUZZ_TARGETS (a test class with a @FuzzTest method). An input
## that runs longer than 10 s is a finding (a hang); 60 s for the targets in FUZZ_SLOW, whose
## first inputs load and instrument most of the jar.
FUZZ_TIME ?= 2m
FUZZ_TARGETS ?= ValidateFuzzTest YamlDifferentialFuzzTest CodebookFuzzTest CliFuzzTest
FUZZ_SLOW := CliFuzzTest
FUZZ_INSTRUMENT := org.polcomp.**,org.snakeyaml.engine.**,tools.jackson.dataformat.yaml.**,picocli.**
fuzz:
	@mkdir -p target
	@mvn_rc=0; for t in $(FUZZ_TARGETS); do \
	  log=target/fuzz-$$t.log; timeout=10; \
	  case " $(FUZZ_SLOW) " in *" $$t "*) timeout=60 ;; esac; \
	  echo "fuzz: $$t for $(FUZZ_TIME) (log: $$log)"; \
	  JAZZER_FUZZ=1 $(MVN) -B test -Dtest=$$t -Djazzer.hooks=true \
	    -Dsurefire.failIfNoSpecifiedTests=false \
	    -DargLine="-Xmx1g -Djazzer.max_duration=$(FUZZ_TIME) -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-timeout=$$timeout -Djazzer.instrument=$(FUZZ_INSTRUMENT)" \
	    > $$log 2>&1; rc=$$?; \
	  grep -aE '^Done [0-9]+ runs' $$log | sed "s/^/fuzz: $$t: /" || true; \
	  grep -aE '^== Java Exception|ERROR: libFuzzer|Test unit written|Tests run:.*Fail' $$log | head -20; \
	  if [ $$rc -eq 0 ]; then echo "fuzz: $$t: no findings"; \
	  else echo "fuzz: $$t: FAILED (exit $$rc), see $$log"; mvn_rc=$$rc; fi; \
	done; exit $$mvn_rc

## golden: refresh the golden files after a deliberate change of an output; read the diff
golden:
	$(MVN) -B -q test -Dtest=GoldenTest -Dgolden.update=true
	@git status --short src/test/resources/golden/

clean:
	$(MVN) $(MVN_FLAGS) clean
	rm -rf out

## install: polcomp on the PATH (PREFIX=~/.local for one user; default /usr/local): the
## launcher in PREFIX/bin, the jar in PREFIX/share/polcomp, man pages in PREFIX/share/man/man1,
## bash completion in PREFIX/share/bash-completion/completions (zsh: docs/cli.md)
install: build
	install -d $(BINDIR) $(DATADIR) $(MANDIR) $(BASHCOMPDIR)
	install -m 644 $(JAR) $(DATADIR)/polcomp.jar
	install -m 755 $(POLCOMP) $(BINDIR)/polcomp
	install -m 644 target/man1/*.1 $(MANDIR)/
	install -m 644 target/completion/polcomp $(BASHCOMPDIR)/polcomp
	install -m 644 target/completion/polcomp $(DATADIR)/polcomp-completion.bash
	@# the class-data archive names the jar's path, so it is made again for the installed jar
	@bash src/build/cds.sh "$(DATADIR)/polcomp.jar" "$(DATADIR)/polcomp.jsa"
	@echo "install: $(BINDIR)/polcomp (man polcomp; completion: $(BASHCOMPDIR)/polcomp)"

## uninstall: remove what install put under PREFIX
uninstall:
	rm -f $(BINDIR)/polcomp $(DATADIR)/polcomp.jar $(DATADIR)/polcomp.jsa \
	  $(DATADIR)/polcomp-completion.bash $(BASHCOMPDIR)/polcomp
	rm -f $(MANDIR)/polcomp.1 $(MANDIR)/polcomp-*.1
	-rmdir $(DATADIR) 2>/dev/null
