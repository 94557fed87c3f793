# As Django's Persian formats (year first), which Dari readers share.
from django.conf.locale.fa.formats import *  # noqa: F403
