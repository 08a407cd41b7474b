build-nov/obj/ydoc.o: src/ydoc.c src/ydoc.h src/diag.h src/util.h
src/ydoc.h:
src/diag.h:
src/util.h:
