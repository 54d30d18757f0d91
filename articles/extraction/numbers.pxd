# Cython declarations for numbers.py (see build.py): types only, the logic is the .py's.
# Values stay Python objects (a figure can exceed any C integer); offsets are C integers.
import cython


cdef class Figure:
    cdef public Py_ssize_t start, end
    cdef public object low, best, high, value
    cdef public str qualifier
    cdef public bint worded, year_like


@cython.locals(words=list, last=str, parts=list, tail=Py_ssize_t)
cdef tuple _qualifier(str before)

@cython.locals(after=str, digits=str, before=str, taken=Py_ssize_t, mstart=Py_ssize_t,
               mend=Py_ssize_t)
cdef Figure _single(str norm, match, Py_ssize_t lower_bound)

cpdef bint has_number_word(str lower)

@cython.locals(out=list, pos=Py_ssize_t)
cdef list _candidates(str norm, Py_ssize_t start, Py_ssize_t end, bint words=*)

@cython.locals(raw=list, figure=Figure, spans=list, starts=list, reach=list,
               furthest=Py_ssize_t, k=Py_ssize_t, at=Py_ssize_t)
cpdef list find_figures(str norm, Py_ssize_t start, Py_ssize_t end, list excluded,
                        bint words=*)

@cython.locals(out=list, i=Py_ssize_t, n=Py_ssize_t, first=Figure, second=Figure,
               joiner=str, lead=str, start=Py_ssize_t)
cdef list _merge_ranges(str norm, list raw)
