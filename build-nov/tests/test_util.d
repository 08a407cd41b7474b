build-nov/tests/test_util: tests/unit/test_util.c src/diag.h src/util.h \
 src/util.h
src/diag.h:
src/util.h:
src/util.h:
