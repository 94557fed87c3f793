from django.apps import AppConfig


class LeadershipConfig(AppConfig):
    name = "smile.leadership"
    label = "leadership"

    def ready(self) -> None:
        # The app's access rules join the policy registry, and a programme that asks for a signed
        # management commitment is heard where adepts are placed (programmes cannot import us).
        from smile.leadership import access, services
        from smile.programmes import placement

        access.register()
        placement.register_check(services.commitment_placement_check)
