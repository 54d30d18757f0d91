# Cython declarations for dates.py (see build.py): types only, the logic is the .py's.
import cython


cdef class DateMention:
    cdef public Py_ssize_t start, end
    cdef public object value, period_end
    cdef public str precision
    cdef public bint as_of, since


@cython.locals(found=list, kinds=frozenset, out=list, taken_until=Py_ssize_t, s=Py_ssize_t,
               e=Py_ssize_t, lead=str)
cpdef list find_dates(str norm, Py_ssize_t start, Py_ssize_t end, published, words=*,
                      bint has_digit=*, str lower=*)
