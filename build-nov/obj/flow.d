build-nov/obj/flow.o: src/flow.c src/flow.h src/diag.h src/util.h \
 src/csv.h
src/flow.h:
src/diag.h:
src/util.h:
src/csv.h:
