build-nov/tests/flowagg: tests/tools/flowagg.c src/diag.h src/util.h \
 src/flow.h src/diag.h
src/diag.h:
src/util.h:
src/flow.h:
src/diag.h:
