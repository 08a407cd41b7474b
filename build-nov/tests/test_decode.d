build-nov/tests/test_decode: tests/unit/test_decode.c \
 tests/unit/testlib.h src/diag.h src/util.h src/util.h src/model.h \
 src/diag.h src/schema.h src/model.h src/ydoc.h
tests/unit/testlib.h:
src/diag.h:
src/util.h:
src/util.h:
src/model.h:
src/diag.h:
src/schema.h:
src/model.h:
src/ydoc.h:
