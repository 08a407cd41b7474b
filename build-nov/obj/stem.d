build-nov/obj/stem.o: src/stem.c src/stem.h src/model.h src/diag.h \
 src/util.h
src/stem.h:
src/model.h:
src/diag.h:
src/util.h:
