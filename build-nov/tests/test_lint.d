build-nov/tests/test_lint: tests/unit/test_lint.c src/lint.h
src/lint.h:
