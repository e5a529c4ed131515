# The two set-up commands of the README. Both install what is missing first.
#   make demo   builds the leafpress tool only, then out/NAME.pdf for every content/NAME.md and the
#               batch example (out/batch/); the test suite is not compiled
#   make test   installs the test tools too, builds everything with the Catch2 suite, runs it through ctest
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: deps deps-test build demo test test-sanitize clean

deps:
	@bash scripts/install-deps.sh

deps-test:
	@bash scripts/install-deps.sh --test

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
	@cmake --build $(BUILD) -j $(JOBS) --target leafpress

demo: build
	@mkdir -p out
	./$(BUILD)/leafpress build content/*.md --out-dir out
	./$(BUILD)/leafpress batch content/batch.yaml --report out/batch/report.json

test: deps-test
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=ON >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer (CI runs it too).
test-sanitize: deps-test
	@cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLEAFPRESS_SANITIZE=ON -DBUILD_TESTING=ON >/dev/null
	@cmake --build build-asan -j $(JOBS)
	cd build-asan && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD) build-asan out
