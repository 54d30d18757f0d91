# Cython declarations for attribution.py (see build.py): types only, the logic is the .py's.
# No generator or closure in a typed function: Cython compiles none there.
import cython


@cython.locals(region=str, cut=Py_ssize_t, parts=list, index=Py_ssize_t,
               offset=Py_ssize_t, part=str, chosen=str, s=Py_ssize_t, e=Py_ssize_t,
               space=Py_ssize_t)
cdef tuple _subject_phrase(str norm, Py_ssize_t lower, Py_ssize_t verb_start)

@cython.locals(spans=list, mentions=list, s=Py_ssize_t, e=Py_ssize_t)
cpdef list find_mentions(str norm, Py_ssize_t start, Py_ssize_t end, index, words=*)

@cython.locals(spans=list)
cdef list _according(str norm, Py_ssize_t start, Py_ssize_t end, object pattern)

@cython.locals(spans=list)
cdef list _origins(str norm, Py_ssize_t start, Py_ssize_t end)

@cython.locals(spans=list, patterns=list)
cdef list _estimates(str norm, Py_ssize_t start, Py_ssize_t end, words)

@cython.locals(spans=list, pos=Py_ssize_t)
cdef list _inverted(str norm, Py_ssize_t start, Py_ssize_t end)

@cython.locals(x=Py_ssize_t, tokens=Py_ssize_t, j=Py_ssize_t, k=Py_ssize_t, after_on=bint)
cdef Py_ssize_t _chain_start(str norm, Py_ssize_t lower, Py_ssize_t space)

@cython.locals(out=list, pos=Py_ssize_t)
cpdef list _speaker_verbs(str norm, Py_ssize_t start, Py_ssize_t end)

@cython.locals(spans=list, s=Py_ssize_t, e=Py_ssize_t, subject=str, reported=bint,
               previous=Py_ssize_t, after_verb=bint)
cdef list _speakers(str norm, Py_ssize_t start, Py_ssize_t end)


cdef class Attributor:
    cdef public object index
    cdef public dict relays, full_names

    @cython.locals(tokens=list)
    cpdef canonical(self, entity)

    cpdef _organisation(self, entity)

    cpdef learn(self, list mentions)

    @cython.locals(named=list, names=set)
    cpdef tuple _pick(self, list mentions)

    @cython.locals(speakers=list)
    cpdef relayed_by(self, source)

    cpdef attribute(self, list mentions)

    cpdef weak(self, list mentions)
