build-nov/tests/test_csv: tests/unit/test_csv.c tests/unit/testlib.h \
 src/diag.h src/util.h src/util.h src/csv.h src/diag.h
tests/unit/testlib.h:
src/diag.h:
src/util.h:
src/util.h:
src/csv.h:
src/diag.h:
