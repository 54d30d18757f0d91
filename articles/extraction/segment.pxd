# Cython declarations for segment.py (see build.py): types only, the logic is the .py's.
# No generator in a typed function: Cython compiles none there (a list instead).
import cython


cdef class Sentence:
    cdef public Py_ssize_t start, end, paragraph


cdef class Paragraph:
    cdef public Py_ssize_t index, start, end
    cdef public bint heading
    cdef public list sentences


@cython.locals(out=list, cursor=Py_ssize_t, s=Sentence)
cdef list _sentences(str norm, Py_ssize_t start, Py_ssize_t end, Py_ssize_t paragraph)

@cython.locals(paragraphs=list, seen=set, in_related=bint, offset=Py_ssize_t, lower=str,
               bio_words=tuple, line=str, start=Py_ssize_t, end=Py_ssize_t, stripped=str,
               key=str, lead=Py_ssize_t, heading=bint, paragraph=Paragraph)
cpdef list segment(str norm)
