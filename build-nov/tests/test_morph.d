build-nov/tests/test_morph: tests/unit/test_morph.c src/morph.h \
 src/model.h src/diag.h src/util.h
src/morph.h:
src/model.h:
src/diag.h:
src/util.h:
