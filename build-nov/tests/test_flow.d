build-nov/tests/test_flow: tests/unit/test_flow.c tests/unit/testlib.h \
 src/diag.h src/util.h src/util.h src/csv.h src/diag.h src/flow.h
tests/unit/testlib.h:
src/diag.h:
src/util.h:
src/util.h:
src/csv.h:
src/diag.h:
src/flow.h:
