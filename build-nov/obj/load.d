build-nov/obj/load.o: src/load.c src/load.h src/diag.h src/util.h \
 src/model.h src/schema.h src/ydoc.h
src/load.h:
src/diag.h:
src/util.h:
src/model.h:
src/schema.h:
src/ydoc.h:
