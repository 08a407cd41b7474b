build-nov/obj/decode.o: src/decode.c src/schema.h src/model.h src/diag.h \
 src/util.h src/ydoc.h
src/schema.h:
src/model.h:
src/diag.h:
src/util.h:
src/ydoc.h:
