build-nov/obj/csv.o: src/csv.c src/csv.h src/diag.h src/util.h
src/csv.h:
src/diag.h:
src/util.h:
