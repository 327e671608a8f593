#!/bin/sh
# Starts the built app through scripts/server.mjs: what `npm start` and `npm run demo` run, and
# what the benchmark measures.
#
# glibc raises its mmap threshold each time a large block is freed, after which freed report
# buffers stay in the process heap instead of going back to the system: with a year of orders
# cached, the server settled at 232 MB instead of ~170 MB (docs/performance.md). A fixed
# threshold (glibc's default value, 128 KiB) keeps large blocks returnable. Other C libraries
# ignore the variable; set it yourself to override.
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-131072}"
exec node "$(dirname "$0")/server.mjs" "$@"
