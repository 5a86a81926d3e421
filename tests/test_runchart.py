"""Run-chart signals on hand-made series (Perla, Provost and Murray 2011 rules)."""

from __future__ import annotations

from pace_desktop.journey import analyse


def test_median_of_the_whole_series_by_default() -> None:
    chart = analyse([3, 1, 2, 10])
    assert chart.median == 2.5
    assert chart.baseline_points == 4


def test_six_points_on_one_side_make_a_shift() -> None:
    chart = analyse([10, 10, 10, 1, 2, 3, 4, 5, 6, 10, 10, 10], baseline=None)
    # median 7.5: points 3..8 are below it
    (shift,) = chart.shifts
    assert (shift.direction, shift.points) == ("below", (3, 4, 5, 6, 7, 8))


def test_five_points_on_one_side_are_not_enough() -> None:
    chart = analyse([9, 9, 9, 9, 9, 1, 1, 1, 1, 1, 9])
    assert chart.shifts == ()


def test_points_on_the_median_neither_break_nor_count() -> None:
    # Baseline median 5; five points above, one on the median, one more above: still a shift
    # of six, and the point on the median is not among its points.
    values = [5, 5, 5, 6, 7, 8, 5, 9, 6, 7]
    chart = analyse(values, baseline=3)
    assert chart.median == 5
    (shift,) = chart.shifts
    assert shift.points == (3, 4, 5, 7, 8, 9)
    assert "not counting 1 point on the median" in shift.explanation


def test_five_on_one_side_then_a_median_point_then_other_side_is_no_shift() -> None:
    chart = analyse([4, 5, 6, 6, 6, 6, 6, 5, 4, 4, 4, 4, 4], baseline=3)
    assert chart.median == 5
    assert chart.shifts == ()


def test_five_points_going_up_make_a_trend_four_do_not() -> None:
    (trend,) = analyse([5, 1, 2, 3, 4, 5, 0]).trends
    assert (trend.direction, trend.points) == ("up", (1, 2, 3, 4, 5))
    assert analyse([5, 1, 2, 3, 4, 0]).trends == ()


def test_a_point_equal_to_its_predecessor_neither_breaks_nor_counts() -> None:
    (trend,) = analyse([9, 8, 8, 7, 6, 5, 9]).trends
    assert (trend.direction, trend.points) == ("down", (0, 1, 3, 4, 5))
    assert "not counting 1 point equal to the one before" in trend.explanation
    # Four distinct falling values with a repeat are only four points.
    assert analyse([9, 8, 8, 7, 6, 9]).trends == ()


def test_a_turning_point_belongs_to_both_trends() -> None:
    trends = analyse([1, 2, 3, 4, 5, 4, 3, 2, 1]).trends
    assert [(t.direction, t.points) for t in trends] == [
        ("up", (0, 1, 2, 3, 4)),
        ("down", (4, 5, 6, 7, 8)),
    ]


def test_baseline_freezes_the_median_from_the_first_points() -> None:
    values = [10, 12, 11, 13, 9, 5, 5, 6, 4, 5, 6]
    assert analyse(values).median == 6
    frozen = analyse(values, baseline=5)
    assert (frozen.median, frozen.baseline_points) == (11, 5)
    (shift,) = frozen.shifts
    assert (shift.direction, shift.points) == ("below", (4, 5, 6, 7, 8, 9, 10))


def test_baseline_longer_than_the_series_uses_every_point() -> None:
    chart = analyse([1, 2, 3], baseline=12)
    assert (chart.median, chart.baseline_points) == (2, 3)


def test_empty_series_has_no_median_and_no_signals() -> None:
    chart = analyse([])
    assert (chart.median, chart.shifts, chart.trends, chart.signals) == (None, (), (), ())


def test_explanations_are_plain_words_numbering_points_from_one() -> None:
    chart = analyse([1, 1, 1, 1, 1, 1, 9, 9, 9, 9, 9, 9], baseline=None, unit="days")
    below = chart.shifts[0]
    assert below.explanation.startswith(
        "6 points in a row (points 1 to 6) are below the median of 5 days."
    )
    assert "unlikely to be chance" in below.explanation
    assert [s.kind for s in chart.signals] == ["shift", "shift"]
