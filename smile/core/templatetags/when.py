"""Date filters for every template (a builtin in settings, so no {% load %} is needed).

{{ value|day }} {{ value|long_day }} {{ value|moment }} {{ value|time24 }} {{ value|month_year }}
{{ value|weekday }} — see smile.core.dates.
"""

from django import template

from smile.core import dates

register = template.Library()

register.filter("day", dates.day)
register.filter("long_day", dates.long_day)
register.filter("moment", dates.moment)
register.filter("time24", dates.time24)
register.filter("month_year", dates.month_year)
register.filter("weekday", dates.weekday)
