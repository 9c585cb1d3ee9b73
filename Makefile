# polcomp: the two commands a new user runs are `make run` and `make test`.
MVN ?= mvn
MVN_FLAGS ?= -B -q
JAR := target/polcomp.jar
POLCOMP := bin/polcomp

.PHONY: build run test bench clean

## build: the runnable jar target/polcomp.jar (dependencies inside)
build:
	$(MVN) $(MVN_FLAGS) -DskipTests package

## run: build, then compare the default dataset policies/ into out/comparison.xlsx
run: build
	@mkdir -p out
	$(POLCOMP) compare policies -o out/comparison.xlsx

## test: build and run every test (what CI runs)
test:
	$(MVN) -B verify

## bench: speed and memory figures (see README)
bench: build
	@echo "bench: not yet (issue 5)"

clean:
	$(MVN) $(MVN_FLAGS) clean
	rm -rf out
