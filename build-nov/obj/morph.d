build-nov/obj/morph.o: src/morph.c src/morph.h src/model.h src/diag.h \
 src/util.h src/stem.h
src/morph.h:
src/model.h:
src/diag.h:
src/util.h:
src/stem.h:
