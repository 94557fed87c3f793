from django.apps import AppConfig


class LeadershipConfig(AppConfig):
    name = "smile.leadership"
    label = "leadership"

    def ready(self) -> None:
        # The app's access rules join the policy registry, a programme that asks for a signed
        # management commitment is heard where adepts are placed (programmes cannot import us),
        # and the signed commitments are the mentor-time budget wherever mentoring shows one
        # (mentoring cannot import us either).
        from smile.leadership import access, mentor_time, services
        from smile.mentoring import time_budget
        from smile.programmes import placement

        access.register()
        placement.register_check(services.commitment_placement_check)
        time_budget.register("leadership.commitment", mentor_time.committed_budgets)
