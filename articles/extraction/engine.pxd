# Cython declarations for engine.py (see build.py): types only, the logic is the .py's.
import cython

from articles.extraction.attribution cimport Attributor
from articles.extraction.dates cimport DateMention
from articles.extraction.metrics cimport Head
from articles.extraction.numbers cimport Figure
from articles.extraction.segment cimport Paragraph, Sentence


cdef class _Candidate:
    cdef public object claim
    cdef public bint heading, explicit, dated


cdef class _SentenceView:
    cdef public Sentence sentence
    cdef public bint heading
    cdef public list dates, figures, mentions, clauses, cues
    cdef public dict heads, positions, clause_tests
    cdef public object date_starts
    cdef public list as_of_dates, cue_starts
    cdef public set cue_metrics


@cython.locals(out=list, cursor=Py_ssize_t, text=str)
cdef list _clauses(str norm, Sentence sentence)

@cython.locals(s=Py_ssize_t, e=Py_ssize_t)
cdef tuple _clause_of(list clauses, Py_ssize_t pos)


cdef class _Extraction:
    cdef public str text, norm
    cdef public object lower, broken, cue_lower, published, outlet, index
    cdef public Attributor attributor
    cdef public object last_date, last_metric, section_date, backward_date
    cdef public Py_ssize_t last_metric_at
    cdef public dict statements, paragraph_statements, source_dates, value_metrics
    cdef public set off_topic
    cdef public Py_ssize_t carried_at
    cdef public object publisher, previous, previous_view, last_weak, briefing_agency

    @cython.locals(views=list, owns=list, candidates=list, view=_SentenceView, figure=Figure,
                   date=DateMention)
    cpdef list run(self)

    @cython.locals(name=str, sides=list, names=list, text=str)
    cdef bint _same_side(self, weak, carried)

    @cython.locals(s=Py_ssize_t, e=Py_ssize_t, lower=str, words=set, has_digit=bint,
                   numeric=bint, dates=list, figures=list, d=DateMention)
    cdef _SentenceView _view(self, Paragraph paragraph, Sentence sentence)

    @cython.locals(view=_SentenceView)
    cdef _resolve_anaphora(self, list views)

    @cython.locals(view=_SentenceView, i=Py_ssize_t, j=Py_ssize_t, days=list)
    cdef dict _backward_attributions(self, list views, list owns)

    @cython.locals(view=_SentenceView, labels=list, s=Py_ssize_t, named=list)
    cdef _speaker_labels(self, list views)
    cdef _answer_labels(self, list views)
    cdef _embedded_posts(self, list views)
    cdef _footnote_days(self, list candidates)
    cdef object _person_before(self, Py_ssize_t start, Py_ssize_t end)
    cdef _korean_full_names(self, list views)
    cdef bint _sent_home(self, _SentenceView view, Figure figure)
    cdef bint _in_aside_before(self, _SentenceView view, DateMention date, Figure figure)

    cdef bint _in_far_relative(self, DateMention date, Figure figure)

    @cython.locals(low=Py_ssize_t, index=Py_ssize_t, before=str)
    cdef bint _in_combined_noun(self, _SentenceView view, tuple clause, Figure figure)

    @cython.locals(figures=list, ratio=set, i=Py_ssize_t, between=str, live=list,
                   figure=Figure, head=Head, before=str, lower=str, f=Figure)
    cdef list _usable(self, _SentenceView view)

    @cython.locals(clause=tuple, qs=Py_ssize_t, qe=Py_ssize_t, date=DateMention)
    cdef _Candidate _claim(self, _SentenceView view, Figure figure, carried, bint explicit,
                           as_of_carry)

    @cython.locals(inside=list)
    cdef _attribution(self, _SentenceView view, tuple clause, sentence)

    @cython.locals(norm=str, head=Head, reach=Py_ssize_t, c=tuple, index=Py_ssize_t,
                   prev_end=Py_ssize_t, next_start=Py_ssize_t, before=list, after=list,
                   located=list, after_metrics=list, reach_after=Py_ssize_t)
    cdef _metric(self, _SentenceView view, Figure figure, tuple clause)

    @cython.locals(text=str)
    cdef bint _per_clause(self, _SentenceView view, tuple clause, str test)

    @cython.locals(at=Py_ssize_t)
    cdef Py_ssize_t _other_force_at(self, _SentenceView view, tuple clause)

    @cython.locals(dates=list, starts=list, as_of_dates=list, kept=tuple, first=Py_ssize_t, stop=Py_ssize_t,
                   at=Py_ssize_t, i=Py_ssize_t, d=DateMention, nearest=DateMention,
                   distance=Py_ssize_t, d_distance=Py_ssize_t)
    cdef DateMention _date(self, _SentenceView view, Figure figure, tuple clause,
                           as_of_carry, str metric)

    @cython.locals(d=DateMention)
    cdef DateMention _said_on(self, _SentenceView view)

    cdef bint _usable_date(self, _SentenceView view, Figure figure, DateMention d, str metric)

    @cython.locals(dates=list, i=Py_ssize_t, d=DateMention)
    cdef DateMention _carried_date(self, _SentenceView view, Figure figure, as_of_carry,
                                   str metric)

    @cython.locals(index=Py_ssize_t, nxt=Figure)
    cdef bint _figure_between(self, _SentenceView view, Figure figure, DateMention date)

    @cython.locals(norm=str, far=bint, comma=bint, penalty=Py_ssize_t)
    cdef Py_ssize_t _date_distance(self, DateMention date, Figure figure)

    @cython.locals(found=list, at=Py_ssize_t, i=Py_ssize_t, dates=list)
    cdef _contingent(self, _SentenceView view, tuple clause, Figure figure, str metric)

    @cython.locals(s=Py_ssize_t, e=Py_ssize_t, cut=Py_ssize_t, ws=Py_ssize_t, we=Py_ssize_t)
    cdef tuple _quote_span(self, tuple clause, Figure figure)


cdef bint _any_in(tuple words, str text)

@cython.locals(word=str)
cdef bint _any_at(str lower, Py_ssize_t start, Py_ssize_t end, tuple words)

@cython.locals(nearest=tuple, distance=Py_ssize_t, d=Py_ssize_t, c=tuple)
cdef _nearest(list cues, Figure figure, Py_ssize_t within)

@cython.locals(starts=list)
cdef list _cues_in(_SentenceView view, Py_ssize_t start, Py_ssize_t end)
