# sacjc in a container, in two stages on Debian 12 (the only system sacjc's binary is built
# for: it links some 290 shared libraries of Debian's packages).
#   1. build: scripts/install-deps.sh, a Release build, the unit and CLI tests (`ctest -L
#      'unit|cli'`; the model zoo and the face models are left to scripts/test.sh), then
#      `cmake --install` into /staging and the list of Debian packages the binary links.
#   2. runtime: debian:12 with only those packages, the installed binary, man page, bash
#      completion and docs.
#
#   docker build -t sacjc .
#   docker run --rm -v "$PWD:/work" -w /work sacjc verify victim.pt suspect.pt --format sarif
#
# The tests run the confined model children (seccomp, Landlock, rlimits) inside the build
# container; Docker's default seccomp profile allows what they need.

FROM debian:12 AS build
COPY scripts/install-deps.sh /src/scripts/install-deps.sh
RUN /src/scripts/install-deps.sh && rm -rf /var/lib/apt/lists/*
COPY . /src
WORKDIR /src
RUN rm -rf build build-* \
 && cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DPython3_EXECUTABLE=/usr/bin/python3 \
      -DSACJC_WERROR=ON -DSACJC_BUILD_BENCH=OFF \
 && cmake --build build
RUN ctest --test-dir build -L 'unit|cli' --output-on-failure -j "$(nproc)"
RUN DESTDIR=/staging cmake --install build --prefix /usr/local \
 && for library in $(ldd build/sacjc | awk '$2 == "=>" && $3 ~ /^\// {print $3}'); do \
      dpkg -S "$library" 2>/dev/null || dpkg -S "$(realpath "$library")"; \
    done | cut -d: -f1 | sort -u >/staging/runtime-packages \
 && test -s /staging/runtime-packages

FROM debian:12
COPY --from=build /staging/runtime-packages /tmp/runtime-packages
RUN apt-get update -q \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      $(cat /tmp/runtime-packages) man-db bash-completion \
 && rm -rf /var/lib/apt/lists/* /tmp/runtime-packages
COPY --from=build /staging/usr/local /usr/local
RUN sacjc --version
ENTRYPOINT ["sacjc"]
CMD ["--help"]
