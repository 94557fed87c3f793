# Tigrinya and Somali readers share day-first dates.
from smile.formats.day_first import *  # noqa: F403
