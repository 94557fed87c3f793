"""The scheduler finds the periodic jobs of every domain, each with its rhythm."""

from datetime import timedelta

from smile.core import jobs

# Written out by hand: a job that disappears or changes rhythm must be a decision.
EXPECTED = {
    "smile.belonging.tasks.run_pulse_rounds": timedelta(hours=24),
    "smile.equality.measures.tasks.remind_due_measures": timedelta(hours=24),
    "smile.inclusion.tasks.remind_overdue_onboarding": timedelta(hours=24),
    "smile.leadership.tasks.mentor_time_notices": timedelta(hours=24),
    "smile.leadership.tasks.remind_due_actions": timedelta(hours=24),
    "smile.learning.hours.tasks.hours_reminders_send": timedelta(hours=24),
    "smile.learning.progress.tasks.learning_alerts_notify": timedelta(hours=24),
    "smile.mentoring.digest.tasks.send_manager_digests": timedelta(days=14),
    "smile.mentoring.logs.tasks.remind_due_action_items": timedelta(hours=24),
    "smile.mentoring.meetings.tasks.meeting_reminders_send": timedelta(minutes=15),
    "smile.mentoring.warnings.tasks.early_warnings_notify": timedelta(hours=24),
    "smile.notifications.tasks.notifications_age_out": timedelta(hours=24),
    "smile.training.tasks.remind_required_modules": timedelta(hours=24),
}


def test_the_scheduler_finds_the_jobs_of_every_domain() -> None:
    found = jobs.discover_periodic_jobs()
    domain_jobs = {name: job.every for name, job in found.items() if ".tests." not in name}
    assert domain_jobs == EXPECTED
