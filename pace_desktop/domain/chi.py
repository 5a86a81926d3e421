"""The CHI number: ten digits, the tenth a modulus 11 check digit over the first nine."""

from __future__ import annotations


def chi_problem(chi: str) -> str | None:
    """Why `chi` is not a valid CHI number, or None when it is."""
    if len(chi) != 10 or not (chi.isascii() and chi.isdigit()):
        return "must be 10 digits"
    total = sum(int(c) * w for c, w in zip(chi[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    if check == 10:
        return "is not a valid CHI number (no check digit is possible for its first nine digits)"
    if check != int(chi[9]):
        return "check digit does not match (not a valid CHI number)"
    return None


def with_check_digit(first_nine: str) -> str | None:
    """The full CHI for nine digits, or None if no valid check digit exists (for demo data)."""
    total = sum(int(c) * w for c, w in zip(first_nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return None if check == 10 else first_nine + str(check)


def chi_message(typed: str) -> str | None:
    """What to tell a person who typed `typed` as a CHI number (spaces allowed), or None when
    it is a CHI number the import will take: the same rule as `chi_problem`, in a sentence."""
    chi = typed.replace(" ", "")
    if not chi:
        return None
    if len(chi) != 10 or not (chi.isascii() and chi.isdigit()):
        return "A CHI number is ten digits."
    if chi_problem(chi) is not None:
        return ("This is not a valid CHI number: its last digit does not match the first nine. "
                "Please check it for a mistyped digit.")
    return None
