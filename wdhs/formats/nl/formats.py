"""One date style everywhere a person reads a date: "30 november 2026", with a time "30 november 2026, 14:05".

Django's Dutch formats, except that the date and time are separated by a comma and the short formats
(which the admin uses in some lists) are written out too. What people type in a form stays as Django's nl
locale reads it (DATE_INPUT_FORMATS: 30-11-2026 and more).
"""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "j F Y"
SHORT_DATETIME_FORMAT = "j F Y, H:i"
