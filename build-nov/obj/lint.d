build-nov/obj/lint.o: src/lint.c src/lint.h src/util.h
src/lint.h:
src/util.h:
