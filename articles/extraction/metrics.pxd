# Cython declarations for metrics.py (see build.py): types only, the logic is the .py's.
import cython


cdef class Head:
    cdef public object metric
    cdef public bint people, rejected, foreign, korean, combined, vague, others


@cython.locals(w=str)
cpdef bint _starts_cue_word(str word)

@cython.locals(out=list, taken=Py_ssize_t, positions=list, position=Py_ssize_t,
               metric=str)
cpdef list cues(str norm, Py_ssize_t start, Py_ssize_t end, lower=*)

@cython.locals(head=Head, window=str, phrase=str, partitive=bint, i=Py_ssize_t, word=str,
               lower=str)
cpdef Head read_head(str norm, Py_ssize_t end, Py_ssize_t limit)
