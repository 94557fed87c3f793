from django.db import connection
from django.test.utils import CaptureQueriesContext
from smile.mentoring.tests.test_meetings import propose
from smile.mentoring.meetings import services
def test_x(cast):
    meeting = propose(cast)
    with CaptureQueriesContext(connection) as queries:
        services.meeting_accept(meeting=meeting, by=cast.dana)
    for q in queries.captured_queries:
        print(q["sql"][-300:])
    assert 0
