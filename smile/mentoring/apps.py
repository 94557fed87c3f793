from django.apps import AppConfig


class MentoringConfig(AppConfig):
    name = "smile.mentoring"
    label = "mentoring"

    def ready(self) -> None:
        # The app's access rules join the policy registry (and its role sources, if any).
        from smile.mentoring import access

        access.register()

        # The texts of mentoring a reader may have translated (smile.core.texts).
        from smile.mentoring import texts

        texts.register()

        from smile.matching.signals import pair_closed
        from smile.mentoring.closing.services import reflections_request_on_close

        pair_closed.connect(reflections_request_on_close, dispatch_uid="mentoring-reflections")
