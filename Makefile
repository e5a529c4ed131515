# The two set-up commands of the README. Both install what is missing first.
#   make demo   builds out/NAME.pdf for every content/NAME.md, then the batch example (out/batch/)
#   make test   builds and runs the Catch2 suite through ctest
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: deps build demo test test-sanitize clean

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@mkdir -p out
	./$(BUILD)/leafpress build content/*.md --out-dir out
	./$(BUILD)/leafpress batch content/batch.yaml --report out/batch/report.json

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer (CI runs it too).
test-sanitize: deps
	@cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLEAFPRESS_SANITIZE=ON >/dev/null
	@cmake --build build-asan -j $(JOBS)
	cd build-asan && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD) build-asan out
